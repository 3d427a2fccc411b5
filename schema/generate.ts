// Regenerates schema/callqa.call-1.schema.json from pipeline/result/call-result.ts.
import { writeFileSync } from 'node:fs';
import { callSchemaFile, renderCallSchema } from './call-schema.ts';

writeFileSync(callSchemaFile, renderCallSchema());
process.stderr.write(`wrote ${callSchemaFile.pathname}\n`);
