/**
 * The utterances a transcript search finds (GET /search), shown above the call list when its
 * search box is filled: each with the matched words marked and a link to its moment in the call.
 * Marks come from the server's offsets and are built as text nodes, never as HTML.
 */
import { getJson } from '../api-client.ts';
import type { SearchPage } from '../api-types.ts';
import { h, loadInto } from '../dom.ts';
import { formatClock } from '../format.ts';

const hitsShown = 10;

type UtteranceHit = SearchPage['items'][number];

function markedText(hit: UtteranceHit): (Node | string)[] {
  const parts: (Node | string)[] = [];
  let shownTo = 0;
  for (const { start, end } of hit.matches) {
    if (start < shownTo) continue;
    parts.push(hit.text.slice(shownTo, start), h('mark', {}, [hit.text.slice(start, end)]));
    shownTo = end;
  }
  parts.push(hit.text.slice(shownTo));
  return parts;
}

function hitItem(hit: UtteranceHit): HTMLElement {
  return h('li', { class: 'utterance-hit' }, [
    h('a', { href: hit.link, class: 'hit-moment' }, [`${hit.file_name} · ${formatClock(hit.start_s)}`]),
    h('span', { class: `party party-${hit.party}` }, [hit.party]),
    h('q', { class: 'hit-text' }, markedText(hit)),
  ]);
}

/** The panel for query `q` (and the list's language filter, when set). */
export function utteranceHitsPanel(q: string, language: string | undefined, signal: AbortSignal): HTMLElement {
  const slot = h('div');
  void loadInto(slot, 'matching utterances', () => getJson<SearchPage>('/search', { q, language, limit: hitsShown }, signal), (page) => {
    const list = h('ol', { class: 'utterance-hits' }, page.items.map(hitItem));
    const more = page.next_cursor ? h('p', { class: 'hint' }, [`The ${hitsShown} best matches; refine the search to see others.`]) : null;
    return page.items.length === 0 ? h('p', { class: 'hint' }, ['No utterance matches every word.']) : h('div', {}, [list, more]);
  });
  return h('section', { class: 'search-hits', 'aria-label': 'Matching utterances' }, [
    h('h2', {}, ['Matching utterances']),
    h('p', { class: 'hint' }, ['Any form of each word; "a phrase" for words in a row; word NEAR/3 word; party:agent or party:customer.']),
    slot,
  ]);
}
