/** `npm run bench`: runs each benchmark in turn and prints its figures. */
import { benchAudio } from './audio.bench.ts';
import { benchDecode } from './decode.bench.ts';

const benches: Record<string, () => Promise<void>> = { decode: benchDecode, audio: benchAudio };

for (const [name, bench] of Object.entries(benches)) {
  console.log(`# ${name}`);
  await bench();
}
