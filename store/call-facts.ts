/**
 * Changes to a call's facts after analysis (an agent from a CDR import, an assignment). The
 * stored result is the source of truth; its summary column changes in the same statement,
 * so the two never disagree.
 */
import type { Store } from './open-store.ts';

/** The SET clause giving a call the agent `agentSql` evaluates to (never null: JSON merge would drop the key). */
export function setAgentSql(agentSql: string): string {
  return `agent_id = ${agentSql}, result_json = json_merge_patch(result_json, json_object('agent_id', ${agentSql}))`;
}

export async function assignAgent(store: Store, callId: string, agentId: string): Promise<void> {
  await store.connection.run(`UPDATE calls SET ${setAgentSql('$2')} WHERE call_id = $1`, [callId, agentId]);
}
