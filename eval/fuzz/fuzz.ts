/**
 * `npm run fuzz`: every generated malformed file through `callqa analyze`; exits 1 when any
 * file gets a wrong ok, an unclear or internal error, or hangs, or a stored call changed.
 * `--slice N` runs N of them, `--seed S` another set.
 */
import { parseArgs } from 'node:util';
import { formatFuzzReport, isFuzzClean, runFuzz } from './run-fuzz.ts';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '17' }, slice: { type: 'string' } } });

const report = await runFuzz({
  sources: ['en-01-billing-dispute', 'ru-01-billing-dispute'],
  stored: ['en-02-delivery-delay', 'hu-01-billing-dispute'],
  seed: Number(values.seed),
  sliceSize: values.slice === undefined ? null : Number(values.slice),
  batchSize: 60,
  stallS: 120,
  cutS: 3,
}, (line) => process.stderr.write(`${line}\n`));
process.stdout.write(`${formatFuzzReport(report)}\n`);
process.exitCode = isFuzzClean(report) ? 0 : 1;
