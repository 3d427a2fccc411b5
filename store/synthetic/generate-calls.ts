import { readFileSync } from 'node:fs';
import type { Store } from '../index.ts';
import { utteranceTerms } from '../search/search-terms.ts';
import { inTransaction } from '../transaction.ts';

export interface SyntheticCallsSpec {
  /** Contacts to create; about 8 % abandoned and 9 % served by the IVR alone leave a CDR row without a recording. */
  calls: number;
  seed: number;
  /** First row number, so batches can add to a store without colliding ids. */
  firstId?: number;
}

const generateSql = readFileSync(new URL('./generate-calls.sql', import.meta.url), 'utf8');
const sentencesFile = JSON.parse(readFileSync(new URL('./synthetic-sentences.json', import.meta.url), 'utf8')) as { sentences: Record<string, string[]> };

/**
 * The sentences and their search terms as two temp tables. Terms are made once per sentence
 * by the index's own code, so synthetic calls are indexed exactly as analysed ones, and the
 * SQL copies them per utterance instead of stemming a million utterances in JavaScript.
 */
async function createSentenceTables(store: Store): Promise<void> {
  const sentences = Object.entries(sentencesFile.sentences).flatMap(([language, texts]) => texts.map((text, sentence) => ({ language, sentence, text })));
  const terms = sentences.flatMap(({ language, sentence, text }) => utteranceTerms(text, language).map(({ position, term }) => ({ language, sentence, position, term })));
  await store.connection.run(`CREATE OR REPLACE TEMP TABLE synthetic_sentences AS
    SELECT unnest(from_json($rows::JSON, '[{"language":"VARCHAR","sentence":"INTEGER","text":"VARCHAR"}]'), recursive := true)`,
  { rows: JSON.stringify(sentences) });
  await store.connection.run(`CREATE OR REPLACE TEMP TABLE synthetic_sentence_terms AS
    SELECT unnest(from_json($rows::JSON, '[{"language":"VARCHAR","sentence":"INTEGER","position":"INTEGER","term":"VARCHAR"}]'), recursive := true)`,
  { rows: JSON.stringify(terms) });
}

/**
 * Fills a store with plausible analysed calls (parties, utterances and their search terms,
 * events, rule results, scores) and their call-detail records, set-based in one transaction.
 * The same seed and size give the same rows. For tests, benches and demos, never for a
 * production database.
 */
export async function generateSyntheticCalls(store: Store, spec: SyntheticCallsSpec): Promise<void> {
  const { connection } = store;
  await connection.run(`SET VARIABLE synthetic_calls = ${Math.trunc(spec.calls)}::BIGINT`);
  await connection.run(`SET VARIABLE synthetic_seed = ${Math.trunc(spec.seed)}::BIGINT`);
  await connection.run(`SET VARIABLE synthetic_first_id = ${Math.trunc(spec.firstId ?? 0)}::BIGINT`);
  await createSentenceTables(store);
  await inTransaction(connection, () => connection.run(generateSql));
}
