import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.test-helper.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { makeToneRecording } from '../pipeline/ingest/audio-fixtures.test-helper.ts';
import { callSchemaFile, renderCallSchema } from './call-schema.ts';

const schemaText = readFileSync(callSchemaFile, 'utf8');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(schemaText) as object);

describe('callqa.call/1 JSON Schema', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('the committed schema file matches the TypeBox source (run `npm run schema` after changing it)', () => {
    expect(schemaText).toBe(renderCallSchema());
  });

  it('every object that `analyze --json` prints, ok or failed, validates', async () => {
    const good = await makeToneRecording(temp.file('call.wav'), {
      durationS: 2, sampleRateHz: 8000, channelAmplitudes: [0.3, 0.2], codecArgs: ['-c:a', 'pcm_mulaw'],
    });
    const outcome = await runCli(['analyze', good, temp.file('missing.wav'), '--json', '--db', temp.file('schema.duckdb')]);
    const results = outcome.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(results).toHaveLength(2);
    for (const result of results) expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an object that breaks the contract', () => {
    const broken = { schema: 'callqa.call/1', status: 'maybe', source: 'x.wav' };
    expect(validate(broken)).toBe(false);
  });
});
