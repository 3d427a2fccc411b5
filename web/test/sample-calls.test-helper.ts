/**
 * The browser tests' data: three sample calls analysed by the CLI, given other agents than their
 * metadata names (two calls for one agent), an earlier week for one call (so a trend has two
 * points), a sentiment trajectory for one call (no sentiment model runs in tests) and one
 * example in the library.
 */
import { setCallFactsSql } from '../../store/call-facts.ts';
import type { Store } from '../../store/index.ts';
import type { QaServer } from './qa-server.test-helper.ts';

export const sampleRecordings = [
  'samples/calls/en-01-billing-dispute.wav', 'samples/calls/en-02-delivery-delay.wav', 'samples/calls/ru-01-billing-dispute.wav',
] as const;

const sentiment = {
  window_s: 10, edge_utterances: 3, customer_start: -0.6, customer_end: 0.4,
  agent: { mean: 0.3, trajectory: [{ start: 0, end: 10, score: 0.2, utterances: 2 }, { start: 20, end: 30, score: 0.4, utterances: 2 }, { start: 40, end: 50, score: 0.5, utterances: 1 }] },
  customer: { mean: -0.1, trajectory: [{ start: 0, end: 10, score: -0.7, utterances: 2 }, { start: 10, end: 20, score: -0.4, utterances: 1 }, { start: 30, end: 40, score: 0.1, utterances: 2 }, { start: 40, end: 50, score: 0.4, utterances: 1 }] },
};

export async function prepareSampleStore(store: Store): Promise<void> {
  const { connection } = store;
  await connection.run(`UPDATE calls SET ${setCallFactsSql({ agent_id: `CASE WHEN file_name LIKE 'en-02%' THEN 'agent-9' ELSE 'agent-7' END` }, 'request', 'replace')}`);
  await connection.run(`UPDATE calls SET first_analysed_at = first_analysed_at - INTERVAL 8 DAY,
    ${setCallFactsSql({ started_at: 'started_at - INTERVAL 8 DAY' }, 'request', 'replace')} WHERE file_name LIKE 'ru-01%'`);
  await connection.run(`UPDATE calls SET result_json = json_merge_patch(result_json, $1::JSON) WHERE file_name LIKE 'en-02%'`, [JSON.stringify({ sentiment })]);
}

/** Tags the first seconds of en-01 as a good greeting, through the API as a trainer would. */
export async function seedExample(server: QaServer): Promise<void> {
  const headers = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const list = await fetch(`${server.url}/api/v1/calls`, { headers }).then((response) => response.json()) as { items: { call_id: string; file_name: string }[] };
  const call = list.items.find((item) => item.file_name.startsWith('en-01'));
  if (!call) throw new Error('sample call en-01 is missing');
  const response = await fetch(`${server.url}/api/v1/calls/${call.call_id}/examples`, {
    method: 'POST', headers, body: JSON.stringify({ start_s: 1, end_s: 6, label: 'good', guidance_ref: 'G1', note: 'Warm, complete greeting: brand, name, offer to help.' }),
  });
  if (!response.ok) throw new Error(`tagging the example failed: ${response.status} ${await response.text()}`);
}
