import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { openStore, rebuildSearchIndex, type Store } from '../index.ts';
import { saveTranscriptCall } from './search-calls.test-helper.ts';
import { searchTranscripts, type SearchRequest } from './search-transcripts.ts';

describe('transcript search over a real DuckDB file', () => {
  let temp: TempFolder;
  let store: Store;
  const ids: Record<string, string> = {};
  const search = (query: string, options: Partial<SearchRequest> = {}) => searchTranscripts(store, { query, limit: 20, ...options });
  /** Hits as "<call name>#<utterance>" for readable expectations. */
  const hitsOf = async (query: string, options: Partial<SearchRequest> = {}) => {
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return (await search(query, options)).items.map((hit) => `${names[hit.call_id]}#${hit.utterance_idx}`).sort();
  };
  const marked = (hit: { text: string; matches: { start: number; end: number }[] }) => hit.matches.map(({ start, end }) => hit.text.slice(start, end));

  beforeAll(async () => {
    temp = await createTempFolder('callqa-search-');
    store = await openStore(temp.file('search.duckdb'));
    ids.ru = await saveTranscriptCall(store, {
      name: 'ru', language: 'ru', startedAt: '2024-03-01T10:00:00', utterances: [
        { party: 'customer', start: 1, end: 3, text: 'Мне пришёл счёт за роуминг.' },
        { party: 'agent', start: 4, end: 6, text: 'Сейчас проверю ваши счета.' },
        { party: 'agent', start: 7, end: 9, text: 'Что случилось со счетом, я пока не понимаю.' },
      ],
    });
    ids.hu = await saveTranscriptCall(store, {
      name: 'hu', language: 'hu', startedAt: '2024-03-02T10:00:00', utterances: [
        { party: 'customer', start: 0.5, end: 2, text: 'A számla nem jött meg.' },
        { party: 'agent', start: 2.5, end: 4, text: 'Elküldöm a számlát e-mailben.' },
        { party: 'customer', start: 4.5, end: 6, text: 'A számlámról szeretnék kérdezni.' },
      ],
    });
    ids.en = await saveTranscriptCall(store, {
      name: 'en', language: 'en', startedAt: '2024-03-03T10:00:00', utterances: [
        { party: 'agent', start: 0, end: 2, text: 'Your bill is ready, and the postal address changed.' },
        { party: 'customer', start: 3, end: 5, text: 'Ready for the bill? The address of the bill is wrong.' },
        { party: 'agent', start: 6, end: 8, text: 'The address on your new bill is fixed.' },
      ],
    });
  });
  afterAll(async () => {
    store.close();
    await temp.remove();
  });

  it('finds inflected Russian forms by their stem, whichever form is asked', async () => {
    for (const form of ['счёт', 'счета', 'счетом', 'СЧЕТУ']) expect(await hitsOf(form)).toEqual(['ru#0', 'ru#1', 'ru#2']);
    const [hit] = (await search('счетом')).items.filter((each) => each.utterance_idx === 2);
    expect(marked(hit!)).toEqual(['счетом']);
    expect(hit).toMatchObject({ party: 'agent', start_s: 7, end_s: 9, link: `#/calls/${ids.ru}?t=7` });
  });

  it('finds inflected Hungarian forms by their stem', async () => {
    for (const form of ['számla', 'számlát', 'számlámról']) expect(await hitsOf(form)).toEqual(['hu#0', 'hu#1', 'hu#2']);
    const hit = (await search('számla')).items.find((each) => each.utterance_idx === 2)!;
    expect(marked(hit)).toEqual(['számlámról']);
    expect(hit.text.slice(hit.matches[0]!.start)).toBe('számlámról szeretnék kérdezni.');
  });

  it('a language filter searches only that language', async () => {
    expect(await hitsOf('счет', { language: 'hu' })).toEqual([]);
    expect(await hitsOf('számla', { language: 'hu' })).toEqual(['hu#0', 'hu#1', 'hu#2']);
  });

  it('words must all match in one utterance, in any order; a phrase only as consecutive words', async () => {
    expect(await hitsOf('address bill')).toEqual(['en#0', 'en#1', 'en#2']);
    expect(await hitsOf('"bill address"')).toEqual([]);
    expect(await hitsOf('"postal address"')).toEqual(['en#0']);
    expect(await hitsOf('"postal addresses"')).toEqual(['en#0']);
    expect(await hitsOf('"address of the bill"')).toEqual(['en#1']);
    expect(await hitsOf('"сейчас проверю" счета')).toEqual(['ru#1']);
    const [phraseHit] = (await search('"postal address"')).items;
    expect(marked(phraseHit!)).toEqual(['postal', 'address']);
  });

  it('NEAR/n matches words within n positions, either order', async () => {
    // en#0: bill(1) … address(7); en#1: bill(3) address(5) bill(8); en#2: address(1) bill(5).
    expect(await hitsOf('bill NEAR/2 address')).toEqual(['en#1']);
    expect(await hitsOf('address NEAR/4 bill')).toEqual(['en#1', 'en#2']);
    expect(await hitsOf('bill NEAR/6 address')).toEqual(['en#0', 'en#1', 'en#2']);
  });

  it('filters by party, in the query or as a parameter', async () => {
    expect(await hitsOf('bill party:customer')).toEqual(['en#1']);
    expect(await hitsOf('bill', { party: 'agent' })).toEqual(['en#0', 'en#2']);
    await expect(search('bill party:customer', { party: 'agent' })).rejects.toMatchObject({ code: 'CQA_ERR_SEARCH_QUERY_INVALID' });
  });

  it('ranks utterances by matches, then newest call first, and pages without gaps or repeats', async () => {
    const all = await search('bill');
    // en#1 has the word "bill" twice and "address" once.
    expect(all.items[0]).toMatchObject({ call_id: ids.en, utterance_idx: 1 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search('счет', { limit: 1, cursor });
      seen.push(...page.items.map((hit) => `${hit.utterance_idx}`));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['0', '1', '2']);
  });

  it('re-analysis with changed text replaces the terms: old words are gone, new ones found, no stale rows', async () => {
    await saveTranscriptCall(store, {
      name: 'ru', language: 'ru', startedAt: '2024-03-01T10:00:00', utterances: [
        { party: 'customer', start: 1, end: 3, text: 'Карта заблокирована.' },
      ],
    });
    expect(await hitsOf('счет')).toEqual([]);
    expect(await hitsOf('картой')).toEqual(['ru#0']);
    const rows = await store.connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM search_terms WHERE call_id = $1', [ids.ru!]);
    expect(rows.getRowObjectsJS()).toEqual([{ n: 2 }]);
  });

  it('callqa reindex rebuilds the same index from the stored utterances', async () => {
    const termsSql = 'SELECT call_id, utterance_idx, position, term FROM search_terms ORDER BY ALL';
    const before = (await store.connection.runAndReadAll(termsSql)).getRowObjectsJS();
    await store.connection.run('DELETE FROM search_terms');
    expect(await hitsOf('számla')).toEqual([]);
    expect(await rebuildSearchIndex(store)).toBe(7);
    expect((await store.connection.runAndReadAll(termsSql)).getRowObjectsJS()).toEqual(before);
    expect(await hitsOf('számla')).toEqual(['hu#0', 'hu#1', 'hu#2']);
  });

  it.each([
    ['"unclosed', /quote is not closed/],
    ['NEAR/3 bill', /needs a single word before it/],
    ['bill NEAR/3', /needs a word after it/],
    ['bill NEAR/0 address', /distance from 1 to 50/],
    ['bill NEAR/x address', /distance from 1 to 50/],
    ['party:boss bill', /party:boss is neither/],
    ['party:agent', /no word to look for/],
    ['?!', /no word to look for/],
  ])('refuses %s', async (query, message) => {
    await expect(search(query)).rejects.toMatchObject({ code: 'CQA_ERR_SEARCH_QUERY_INVALID', message: expect.stringMatching(message) });
  });

  it('refuses a cursor it did not make', async () => {
    await expect(search('bill', { cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ code: 'CQA_ERR_API_BAD_REQUEST' });
  });
});
