import { readFileSync } from 'node:fs';

export type SpeakingParty = 'agent' | 'customer';

/** Which speaker labels name which party; data, so a site can add its own labels. */
export type SpeakerMapping = Readonly<Record<SpeakingParty, readonly string[]>>;

/** The built-in mapping (speaker-mapping.json): English, Russian and Hungarian labels. */
export function loadDefaultSpeakerMapping(): SpeakerMapping {
  const parsed = JSON.parse(readFileSync(new URL('./speaker-mapping.json', import.meta.url), 'utf8')) as SpeakerMapping;
  return Object.freeze({ agent: parsed.agent, customer: parsed.customer });
}

const normalise = (label: string) => label.trim().toLocaleLowerCase().normalize('NFC');

/** The party a label names, or null when the mapping knows it not. */
export function findPartyOfSpeaker(mapping: SpeakerMapping, label: string): SpeakingParty | null {
  const wanted = normalise(label);
  for (const party of ['agent', 'customer'] as const) {
    if (mapping[party].some((known) => normalise(known) === wanted)) return party;
  }
  return null;
}
