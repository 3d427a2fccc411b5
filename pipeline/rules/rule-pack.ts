/**
 * The resolved, frozen rule pack that `evaluateRules` runs: what `load-pack.ts` makes of a
 * language file and its base after validation, merging and compiling the phrases.
 */
import type { ContentVersion } from '../result/call-result.ts';
import type { CompiledPhrase } from './phrase-matcher.ts';
import type { BasePackSpec, HoldSettings, TransferSettings, UncertaintySettings, severities } from './pack-schema.ts';

export type Lexicon = readonly CompiledPhrase[];
export type Severity = (typeof severities)[number];

/** How the agent or the customer is recognized as the one a clause is framed around. */
export interface StatementMarkers {
  words: ReadonlySet<string>;
  clauseInitialWords: ReadonlySet<string>;
  patterns: readonly RegExp[];
  clauseInitialPatterns: readonly RegExp[];
  /** Count only in a clause the other side does not frame. */
  objectWords: ReadonlySet<string>;
  exceptions: ReadonlySet<string>;
}

export interface StatementPatterns {
  formulas: Lexicon;
  requests: Lexicon;
  clauseBreakers: ReadonlySet<string>;
  i: StatementMarkers;
  you: StatementMarkers;
}

/** How speech-to-text output is read: `spoken-text.ts`. */
export interface SpeechForms {
  fillers: ReadonlySet<string>;
  /** Normalized number word → its digits. */
  numbers: ReadonlyMap<string, string>;
  questionOpeners: ReadonlySet<string>;
  questionLeadIns: ReadonlySet<string>;
  questionTags: ReadonlySet<string>;
}

export interface ResolvedRule {
  id: string;
  kind: string;
  guide: string | null;
  severity: Severity;
  weight: number;
  /** The kind's parameters, validated against the kind's schema when the pack was loaded. */
  params: Readonly<Record<string, unknown>>;
  /** Field → the file that set it, so a result can be explained down to its threshold. */
  setBy: Readonly<Record<string, string>>;
}

export interface RulePack {
  language: string;
  /** The language file first, then its base. */
  files: readonly string[];
  /** Both files' content hash and the label the language file (else the base) gives: stored with every result judged by this pack. */
  version: Readonly<ContentVersion>;
  stemmer: string;
  maxGapWords: number;
  properNounExceptions: ReadonlySet<string>;
  speech: SpeechForms;
  lexicons: Readonly<Record<string, Lexicon>>;
  dataItems: Readonly<Record<string, Lexicon>>;
  statements: StatementPatterns;
  backchannel: BasePackSpec['backchannel'];
  requests: BasePackSpec['requests'];
  holds: HoldSettings;
  transfers: TransferSettings;
  /** null: the pack never reports uncertain. */
  uncertainty: UncertaintySettings | null;
  /** Enabled rules in the order of the base file. */
  rules: readonly ResolvedRule[];
}
