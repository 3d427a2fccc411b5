/**
 * A mono test call of two espeak-ng voices taking turns (agent `en-us`, customer `en-us+f3`,
 * greeting first), with a music hold the agent asks for and comes back from, written by the
 * audio stage's fixture helpers. `lines` says who speaks when: the truth a test checks against.
 */
import { chords, durationS, speak, writeCall, type Placement } from '../audio/call-fixtures.test-helper.ts';

export interface MonoLine {
  party: 'agent' | 'customer';
  startS: number;
  endS: number;
  text: string;
}

const script: ReadonlyArray<{ party: MonoLine['party']; text: string }> = [
  { party: 'agent', text: 'Thank you for calling Northwind, my name is Anna, how can I help you today?' },
  { party: 'customer', text: 'Hi, I have a question about my last invoice, it seems far too high this month.' },
  { party: 'agent', text: 'I am sorry to hear that. Could you give me your account number, please?' },
  { party: 'customer', text: 'Yes, it is four four seven, one two nine, and the bill was for March.' },
  { party: 'agent', text: 'Thank you. May I put you on hold for a moment while I check the payments?' },
  { party: 'customer', text: 'Sure, go ahead, I will wait.' },
  { party: 'agent', text: 'Thank you for holding. I can see a duplicate charge, and I have removed it now.' },
  { party: 'customer', text: 'That is great news, thank you so much for sorting it out so quickly.' },
  { party: 'agent', text: 'You are welcome. Is there anything else I can help you with today?' },
  { party: 'customer', text: 'No, that was everything, have a nice day.' },
];

/** Writes the call to `filePath`; the hold (chords, 16 s) follows the customer's fifth line. */
export async function writeMonoCall(folder: string, filePath: string): Promise<{ lines: MonoLine[]; hold: { startS: number; endS: number } }> {
  const voices = { agent: 'en-us', customer: 'en-us+f3' } as const;
  const placements: Placement[] = [];
  const lines: MonoLine[] = [];
  let atS = 0.5;
  let hold = { startS: 0, endS: 0 };
  for (const [index, { party, text }] of script.entries()) {
    const samples = await speak(folder, text, { voice: voices[party] });
    placements.push({ channel: 0, atS, samples });
    lines.push({ party, startS: atS, endS: atS + durationS(samples), text });
    atS += durationS(samples) + 0.4;
    if (index === 5) {
      const music = chords(16);
      hold = { startS: atS, endS: atS + durationS(music) };
      placements.push({ channel: 0, atS, samples: music });
      atS = hold.endS + 0.5;
    }
  }
  await writeCall(filePath, 1, atS + 0.5, placements);
  return { lines, hold };
}
