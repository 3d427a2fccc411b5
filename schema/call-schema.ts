import { CallResult } from '../pipeline/result/call-result.ts';

export const callSchemaFile = new URL('./callqa.call-1.schema.json', import.meta.url);

/** The JSON Schema document as written to disk: TypeBox's schema without its symbol keys. */
export function renderCallSchema(): string {
  const document = { $schema: 'http://json-schema.org/draft-07/schema#', ...CallResult };
  return `${JSON.stringify(document, null, 2)}\n`;
}
