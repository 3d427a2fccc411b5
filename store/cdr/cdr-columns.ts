/**
 * The documented call-detail CSV columns and the DuckDB type each is read as. The header must
 * name exactly these (any order); `required` ones may not be empty.
 */
export const cdrColumnTypes = {
  call_id: 'VARCHAR',
  recording: 'VARCHAR',
  queue: 'VARCHAR',
  agent_id: 'VARCHAR',
  customer_id: 'VARCHAR',
  offered_at: 'TIMESTAMP',
  answered_at: 'TIMESTAMP',
  ended_at: 'TIMESTAMP',
  abandoned: 'BOOLEAN',
  ivr_path: 'VARCHAR',
  asked_for_agent: 'BOOLEAN',
  transferred: 'BOOLEAN',
  acw_s: 'DOUBLE',
} as const;

export type CdrColumn = keyof typeof cdrColumnTypes;

export const cdrColumns = Object.keys(cdrColumnTypes) as CdrColumn[];

export const requiredCdrColumns: readonly CdrColumn[] = ['call_id', 'offered_at', 'abandoned'];

/** How a value of each type must be written, for error messages. */
export const cdrTypeHints: Readonly<Record<string, string>> = {
  TIMESTAMP: 'an ISO timestamp such as 2024-03-01T09:30:00',
  BOOLEAN: 'true or false',
  DOUBLE: 'a number of seconds',
  VARCHAR: 'text',
};

export function isCdrColumn(name: string): name is CdrColumn {
  return Object.hasOwn(cdrColumnTypes, name);
}
