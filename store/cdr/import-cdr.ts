import { existsSync, readFileSync } from 'node:fs';
import { CallqaError } from '../../core/errors.ts';
import { setCallFactsSql } from '../call-facts.ts';
import type { Store } from '../index.ts';
import { writeInTransaction } from '../transaction.ts';
import { cdrColumns, cdrColumnTypes, isCdrColumn } from './cdr-columns.ts';
import { assertNoRejects, assertRequiredValues, loadCdrHeader, sqlString } from './validate-cdr.ts';

export interface CdrImportSummary {
  rows: number;
  linked: number;
  unlinked: number;
}

const stagingTable = 'cdr_staging';
const rejectsTable = 'cdr_rejects';
const rejectScansTable = 'cdr_reject_scans';

const matching = JSON.parse(readFileSync(new URL('./cdr-matching.json', import.meta.url), 'utf8')) as { startToleranceS: number };

/**
 * Recordings matched by sha256 first, then by file name (the first call id when names repeat),
 * then, for a row naming neither, by agent and start time (the nearest within the tolerance).
 * Linked recordings then take the agent, queue and start time the CDR gives where they have none.
 */
const upsertSql = `
  DELETE FROM cdr WHERE call_id IN (SELECT call_id FROM ${stagingTable});
  INSERT INTO cdr
  SELECT s.call_id, s.recording, coalesce(by_sha.call_id, by_name.call_id, by_time.call_id), s.queue, s.agent_id, s.customer_id,
         s.offered_at, s.answered_at, s.ended_at, s.abandoned, s.ivr_path, s.asked_for_agent, s.transferred, s.acw_s, now()
  FROM ${stagingTable} s
  LEFT JOIN calls by_sha ON by_sha.sha256 = lower(s.recording)
  LEFT JOIN (SELECT file_name, min(call_id) AS call_id FROM calls GROUP BY file_name) by_name ON by_name.file_name = s.recording
  LEFT JOIN (
    SELECT t.call_id AS cdr_call_id, arg_min(c.call_id, abs(epoch(c.started_at - coalesce(t.answered_at, t.offered_at)))) AS call_id
    FROM ${stagingTable} t
    JOIN calls c ON c.agent_id = t.agent_id
      AND abs(epoch(c.started_at - coalesce(t.answered_at, t.offered_at))) <= ${Number(matching.startToleranceS)}
    WHERE coalesce(t.recording, '') = ''
    GROUP BY t.call_id
  ) by_time ON by_time.cdr_call_id = s.call_id;
  UPDATE calls SET ${setCallFactsSql({ agent_id: 'cdr.agent_id', queue: 'cdr.queue', started_at: 'coalesce(cdr.answered_at, cdr.offered_at)' }, 'cdr', 'fill')}
  FROM cdr
  WHERE cdr.recording_call_id = calls.call_id AND cdr.call_id IN (SELECT call_id FROM ${stagingTable});`;

function readCsvSql(csvPath: string, header: readonly string[]): string {
  const columns = header.filter(isCdrColumn).map((name) => `'${name}': '${cdrColumnTypes[name]}'`);
  return `SELECT ${cdrColumns.join(', ')} FROM read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"',
    columns = {${columns.join(', ')}}, store_rejects = true, rejects_table = '${rejectsTable}', rejects_scan = '${rejectScansTable}')`;
}

/**
 * Imports a call-detail CSV into `cdr`: validates the header and every value first, then
 * replaces rows by call_id in one transaction, so importing the same file twice changes
 * nothing.
 */
export async function importCdr(store: Store, csvPath: string): Promise<CdrImportSummary> {
  if (!existsSync(csvPath)) throw new CallqaError('CQA_ERR_INPUT_NOT_FOUND', `${csvPath}: no such file; give the path of the call-detail CSV`);
  const { connection } = store;
  const header = await loadCdrHeader(connection, csvPath);
  try {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${stagingTable} AS ${readCsvSql(csvPath, header)}`);
    await assertNoRejects(connection, csvPath, rejectsTable);
    await assertRequiredValues(connection, csvPath, stagingTable);
    await writeInTransaction(connection, `${csvPath}: storing the call-detail records`, () => connection.run(upsertSql));
    const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS rows, count(recording_call_id)::INTEGER AS linked
      FROM cdr WHERE call_id IN (SELECT call_id FROM ${stagingTable})`);
    const { rows, linked } = reader.getRowObjectsJS()[0] as { rows: number; linked: number };
    return { rows, linked, unlinked: rows - linked };
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${stagingTable}; DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${rejectScansTable}`);
  }
}
