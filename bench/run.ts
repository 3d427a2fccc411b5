/** `npm run bench [-- NAME…]`: runs each benchmark (or the named ones) in turn and prints its figures. */
import { benchApi } from './api.bench.ts';
import { benchAudio } from './audio.bench.ts';
import { benchConversation } from './conversation.bench.ts';
import { benchDecode } from './decode.bench.ts';
import { benchDiarize } from './diarize.bench.ts';
import { benchKpi } from './kpi.bench.ts';
import { benchQueue } from './queue.bench.ts';
import { BenchPrerequisiteError } from './python-onnx.ts';
import { benchRescore } from './rescore.bench.ts';
import { benchSearch } from './search.bench.ts';
import { benchSentiment } from './sentiment.bench.ts';
import { benchTranscribe } from './transcribe.bench.ts';

const benches: Record<string, () => Promise<void>> = {
  decode: benchDecode, audio: benchAudio, diarize: benchDiarize, transcribe: benchTranscribe, sentiment: benchSentiment, api: benchApi, kpi: benchKpi, rescore: benchRescore,
  search: benchSearch, conversation: benchConversation, queue: () => benchQueue(),
};

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in benches));
if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
for (const [name, bench] of Object.entries(benches)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  console.log(`# ${name}`);
  try {
    await bench();
  } catch (error) {
    if (!(error instanceof BenchPrerequisiteError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    break;
  }
}
