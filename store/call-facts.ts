/**
 * Changes to a call's facts after analysis: an agent, queue or start time from a CDR import,
 * an assignment. The stored result is the source of truth; its summary column changes in the
 * same statement, and `metadata.sources` says where the value came from, so a re-analysis
 * (store/call-writer.ts) knows to keep it.
 */
import type { MetadataSource } from '../pipeline/result/call-result.ts';
import type { Store } from './open-store.ts';

export type CallFact = 'agent_id' | 'queue' | 'started_at';

/** Where each fact sits in callqa.call/1, as a JSON value of the SQL expression. */
const patchOf: Readonly<Record<CallFact, (valueSql: string, sourceSql: string) => string>> = {
  agent_id: (value, source) => `json_object('agent_id', ${value}, 'metadata', json_object('sources', json_object('agent_id', ${source})))`,
  queue: (value, source) => `json_object('metadata', json_object('queue', ${value}, 'sources', json_object('queue', ${source})))`,
  started_at: (value, source) =>
    `json_object('metadata', json_object('started_at', strftime(${value}, '%Y-%m-%dT%H:%M:%S'), 'sources', json_object('started_at', ${source})))`,
};

const columnSqlOf: Readonly<Record<CallFact, (valueSql: string) => string>> = {
  agent_id: (value) => value,
  queue: (value) => value,
  started_at: (value) => `CAST(${value} AS TIMESTAMP)`,
};

/**
 * The SET clause giving a call each fact's value: where the call has none yet (`fill`, so a
 * fact from analysis is kept), or always (`replace`, an assignment). Values are SQL
 * expressions; a NULL value changes nothing.
 */
export function setCallFactsSql(facts: Partial<Record<CallFact, string>>, source: MetadataSource, mode: 'fill' | 'replace'): string {
  const entries = Object.entries(facts) as [CallFact, string][];
  const sourceSql = `'${source}'`;
  const when = (fact: CallFact, value: string) => `${mode === 'fill' ? `calls.${fact} IS NULL AND ` : ''}${value} IS NOT NULL`;
  const columns = entries.map(([fact, value]) => `${fact} = CASE WHEN ${when(fact, value)} THEN ${columnSqlOf[fact](value)} ELSE calls.${fact} END`);
  const patched = entries.reduce(
    (json, [fact, value]) => `CASE WHEN ${when(fact, value)} THEN json_merge_patch(${json}, ${patchOf[fact](value, sourceSql)}) ELSE ${json} END`,
    'calls.result_json',
  );
  return [...columns, `result_json = ${patched}`].join(', ');
}

/** Gives a call its agent, replacing the one it had. */
export async function assignAgent(store: Store, callId: string, agentId: string): Promise<void> {
  await store.connection.run(`UPDATE calls SET ${setCallFactsSql({ agent_id: '$2' }, 'request', 'replace')} WHERE call_id = $1`, [callId, agentId]);
}
