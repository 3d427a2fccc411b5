/**
 * The transcript, following playback: the utterance being spoken is highlighted and kept in
 * view. Each utterance's time is a button (keyboard); a click on a word seeks to that word.
 */
import type { Utterance } from '../api-types.ts';
import { emptyState, h } from '../dom.ts';
import { formatClock } from '../format.ts';
import type { Player } from './player.ts';

const partyLabels: Readonly<Record<Utterance['party'], string>> = { agent: 'Agent', customer: 'Customer', unknown: 'Unknown' };

function utteranceText(utterance: Utterance): (HTMLElement | string)[] {
  if (!utterance.words?.length) return [utterance.text];
  return utterance.words.flatMap((word) => [h('span', { class: 'word', 'data-start': word.start }, [word.text]), ' ']);
}

export function transcriptPanel(utterances: readonly Utterance[], player: Player): HTMLElement {
  if (utterances.length === 0) {
    return h('section', { class: 'card transcript' }, [h('h2', {}, ['Transcript']), emptyState('No transcript', 'Speech-to-text was off for this call.')]);
  }
  const items = utterances.map((utterance) => h('li', { class: `utterance party-${utterance.party}` }, [
    h('button', { type: 'button', class: 'utterance-time', 'aria-label': `Play from ${formatClock(utterance.start)}, ${partyLabels[utterance.party]}`, onclick: () => player.seek(utterance.start) }, [formatClock(utterance.start)]),
    h('span', { class: 'party' }, [partyLabels[utterance.party]]),
    h('p', { class: 'utterance-text', 'data-start': utterance.start }, utteranceText(utterance)),
  ]));
  const list = h('ol', { class: 'utterances' }, items);
  list.addEventListener('click', (click) => {
    const target = click.target instanceof HTMLElement ? click.target.closest<HTMLElement>('[data-start]') : null;
    if (target?.dataset['start']) player.seek(Number(target.dataset['start']));
  });

  let activeIndex = -1;
  player.onTimeUpdate((seconds) => {
    const index = utterances.findIndex((utterance) => seconds >= utterance.start && seconds < utterance.end);
    if (index === activeIndex || index === -1) return;
    items[activeIndex]?.classList.remove('active');
    items[activeIndex]?.removeAttribute('aria-current');
    activeIndex = index;
    const item = items[index]!;
    item.classList.add('active');
    item.setAttribute('aria-current', 'true');
    // Scroll the list itself, not the page: the waveform stays where the user left it.
    if (item.offsetTop < list.scrollTop || item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = item.offsetTop - list.clientHeight / 3;
    }
  });
  return h('section', { class: 'card transcript', 'aria-labelledby': 'transcript-title' }, [
    h('h2', { id: 'transcript-title' }, ['Transcript']), list,
  ]);
}
