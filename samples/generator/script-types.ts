/**
 * The resolved shape of a sample-call script (`samples/scripts/<name>.json`) and of the agent
 * roster (`samples/agents.json`). `script.ts` turns the hand-written JSON into these.
 */

export const parties = ['agent', 'customer'] as const;
export type Party = (typeof parties)[number];

export const languages = ['en', 'ru', 'hu'] as const;
export type Language = (typeof languages)[number];

/**
 * Line annotations and who may carry them. Rule outcomes are derived from these (see
 * `rules.ts`), so a script states what each line does instead of the truth being guessed.
 */
export const tagParties = {
  greeting: ['agent'],
  thanks: ['agent'],
  request: ['agent'],
  please: ['agent'],
  'repeat-request': ['agent'],
  'one-word': ['agent'],
  disagree: ['agent'],
  evaluative: ['agent'],
  'delay-reason': ['agent'],
  cannot: ['agent'],
  alternative: ['agent'],
  'follow-up': ['agent'],
  sharp: ['agent'],
  transfer: ['agent'],
  angry: ['customer'],
  delay: ['agent', 'customer'],
  pending: ['agent', 'customer'],
} as const satisfies Record<string, readonly Party[]>;
export type Tag = keyof typeof tagParties;
export const tags = Object.keys(tagParties) as Tag[];

export interface VoiceProfile {
  /** espeak-ng voice with optional variant, e.g. `en-us+f3`. */
  voice: string;
  speedWpm: number;
  /** espeak-ng pitch, 0–99. */
  pitch: number;
}

export interface AgentProfile extends VoiceProfile {
  id: string;
  name: string;
  language: Language;
}

export interface LineTurn {
  kind: 'line';
  party: Party;
  /** What is synthesized (the cut marker `|` removed). */
  text: string;
  /** Text before the cut marker when the next line interrupts and cuts this one off. */
  heardText: string | null;
  tags: readonly Tag[];
  iStatements: number;
  youStatements: number;
  /** Silence before this line; null means a seeded conversational pause. */
  pauseS: number | null;
  /** Starts this long before the previous line (of the other party) ends. */
  interruptOverlapS: number | null;
  /** A backchannel placed at this fraction of the other party's previous line. */
  backchannelAt: number | null;
  /** Starts this long before the previous line ends, too briefly to be an interruption (turn-taking). */
  shortOverlapS: number | null;
}

export interface HoldTurn {
  kind: 'hold';
  durationS: number;
  sound: 'music' | 'silence';
  /** The channel the hold music is heard on. */
  channel: Party;
  consented: boolean;
  durationStated: boolean;
  thankedAfter: boolean;
}

export interface DeadAirTurn {
  kind: 'dead_air';
  durationS: number;
}

export interface TransferTurn {
  kind: 'transfer';
  targetNamed: boolean;
  reasonGiven: boolean;
  callbackNumberGiven: boolean;
  /** Silence after the last speech until the recording of this leg ends. */
  handoverS: number;
}

export type Turn = LineTurn | HoldTurn | DeadAirTurn | TransferTurn;

export interface CallScript {
  file: string;
  name: string;
  language: Language;
  agent: AgentProfile;
  customerVoice: VoiceProfile;
  summary: string;
  /** The queue the call came in on and when it took place (wall clock), written to `<name>.meta.json`. */
  queue: string;
  startedAt: string;
  /** Also export a mono downmix and an MP3 copy to `variants/`. */
  variants: boolean;
  turns: readonly Turn[];
}
