/**
 * The rule-pack file format. A pack is two JSON files: `packs/base.json` (rule definitions,
 * thresholds, weights, severities — language-neutral) and `packs/<language>.json` (stemmer,
 * lexicons, data items, statement patterns, optional per-rule overrides) that names the base
 * in `extends`. Field descriptions double as the "fix" hint of a validation error.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Phrases = (description: string) => Type.Array(Type.String({ minLength: 1 }), { description });
const LexiconName = (description: string) => Type.String({ pattern: '^@?[a-z0-9-]+$', description: `${description}; a key of "lexicons" in the language file` });
const Seconds = (description: string) => Type.Number({ minimum: 0, maximum: 600, description: `${description}, in seconds (0–600)` });

export const severities = ['info', 'minor', 'major', 'critical'] as const;

/** Fields every rule has, whatever its kind. */
export const RuleCommon = {
  kind: Type.String({ description: 'the rule kind: one of the kinds listed in pipeline/rules/README.md' }),
  guide: Type.Optional(Type.String({ description: 'the guidance line the rule measures, e.g. "G4"' })),
  description: Type.Optional(Type.String()),
  enabled: Type.Optional(Type.Boolean({ description: 'false turns the rule off (it is then not reported)' })),
  severity: Type.Union(severities.map((name) => Type.Literal(name)), { description: 'how bad a failure is; "critical" caps the call score' }),
  weight: Type.Number({ minimum: 0, maximum: 100, description: "the rule's share of the call score, a number from 0 to 100" }),
};

/** What a rule of a kind looks like in full: the common fields plus the kind's parameters. */
export const ruleSchemaOf = <P extends Record<string, TSchema>>(parameters: P) =>
  Type.Object({ ...RuleCommon, ...parameters }, { additionalProperties: false });

const HoldSettings = Type.Object({
  askLexicon: LexiconName('phrases that ask the caller to hold'),
  announceLexicon: LexiconName('phrases that announce a hold without asking'),
  agreementLexicon: LexiconName("the caller's yes"),
  refusalLexicon: LexiconName("the caller's no to a hold: an answer with it is no consent, even with a yes in it"),
  durationLexicon: LexiconName('time units that state how long a hold lasts'),
  thanksLexicon: LexiconName('thanks after the hold'),
  consentLookbackS: Seconds('how far before a hold the ask and the yes are looked for'),
  thanksWithinS: Seconds('how soon after a hold the thanks must come'),
  transcriptGapS: Seconds('without hold events: the shortest silence between utterances that counts as a hold'),
}, { additionalProperties: false });

const TransferSettings = Type.Object({
  mentionLexicon: LexiconName('phrases that announce a transfer'),
  targetLexicon: LexiconName('who the caller is transferred to'),
  reasonLexicon: LexiconName('why the caller is transferred'),
  callbackLexicon: LexiconName('a direct number in case the line drops'),
  handoverLexicon: LexiconName('a last agent utterance that ends the call in a hand-over ("one moment")'),
  lookbackS: Seconds('how far before a transfer its explanation is looked for'),
  mergeWithinS: Seconds('transfer mentions closer than this are one transfer'),
}, { additionalProperties: false });

const UncertaintySettings = Type.Object({
  minConfidence: Type.Number({ minimum: 0, maximum: 1, description: 'speech-to-text confidence (0–1) below which an utterance is too noisy to fail a rule on' }),
  partialMatchMinWords: Type.Integer({ minimum: 1, maximum: 10, description: 'a phrase missing one required word is a partial match when at least this many of its words were found (1–10)' }),
}, { additionalProperties: false, description: 'when a rule reports uncertain instead of fail (README "Verdicts with confidence"); absent: never' });

export const BasePackSpec = Type.Object({
  $schema: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  label: Type.Optional(Type.String({ minLength: 1, description: 'a name for this version of the pack, stored with every result beside its content hash' })),
  maxGapWords: Type.Integer({ minimum: 0, maximum: 10, description: 'extra words a phrase may spread over, an integer 0–10' }),
  backchannel: Type.Object({
    lexicon: LexiconName('listener sounds ("mm-hmm", "угу")'),
    maxWords: Type.Integer({ minimum: 1, maximum: 5, description: 'the longest utterance that can be a backchannel, in words (1–5)' }),
  }, { additionalProperties: false }),
  requests: Type.Object({
    requestLexicon: LexiconName('wordings that ask for something ("could you tell", "назовите")'),
    politeLexicon: LexiconName('"please" and its equivalents'),
    valueLexicon: LexiconName('number words: a customer utterance with one has given a value'),
    repeatLexicon: LexiconName('words that ask again ("again", "ещё раз", "újra")'),
  }, { additionalProperties: false }),
  holds: HoldSettings,
  transfers: TransferSettings,
  uncertainty: Type.Optional(UncertaintySettings),
  rules: Type.Record(Type.String(), Type.Object({ kind: RuleCommon.kind }, { description: 'a rule definition' })),
}, { additionalProperties: false });
export type BasePackSpec = Static<typeof BasePackSpec>;

const StatementMarker = (who: string) => Type.Object({
  words: Phrases(`words that frame a clause around ${who} wherever they stand`),
  clauseInitialWords: Phrases(`words that frame a clause around ${who} only when they open it (English "you" is then a subject)`),
  patterns: Phrases(`regular expressions (Unicode, whole word) for pronoun-less verb forms of ${who}`),
  objectWords: Type.Optional(Phrases(`object forms of ${who} that frame a clause only when the other side does not ("У вас есть…", "Minden el van intézve Önnek", but not "Elküldöm Önnek")`)),
  clauseInitialPatterns: Type.Optional(Phrases(`regular expressions (Unicode, whole word) for verb forms that frame a clause around ${who} only when they open it (Russian past tense without a pronoun: "Записала")`)),
  exceptions: Phrases('words the patterns must not count'),
}, { additionalProperties: false });

export const LanguagePackSpec = Type.Object({
  $schema: Type.Optional(Type.String()),
  label: Type.Optional(Type.String({ minLength: 1, description: 'a name for this version of the pack, stored with every result beside its content hash' })),
  extends: Type.String({ description: 'the base pack file, relative to this file, e.g. "base.json"' }),
  language: Type.String({ pattern: '^[a-z]{2,3}$', description: 'the ISO 639-1 code of the language, e.g. "hu"' }),
  stemmer: Type.String({ description: 'a Snowball algorithm name ("english", "russian", "hungarian", …) or "none"' }),
  maxGapWords: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: 'overrides the base value, an integer 0–10' })),
  properNounExceptions: Phrases('capitalized words that are not names ("I", "Mr")'),
  lexicons: Type.Record(Type.String(), Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'a non-empty list of phrases' })),
  dataItems: Type.Record(Type.String(), Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'a non-empty list of phrases naming the data item' })),
  statements: Type.Object({
    formulas: Phrases('fixed formulas that are not I- or you-statements ("I\'m sorry")'),
    requests: Phrases('request wordings (please + imperative) whose clause is not counted'),
    clauseBreakers: Phrases('conjunctions that start a new clause ("and", "but", "что")'),
    i: StatementMarker('the agent'),
    you: StatementMarker('the customer'),
  }, { additionalProperties: false }),
  speech: Type.Optional(Type.Object({
    fillers: Phrases('hesitation sounds dropped before matching ("uh", "э-э", "öö"), single words'),
    numbers: Type.Record(Type.String(), Type.String({ pattern: '^[0-9]+$' }), { description: 'number words → their digits ("two": "2", "пять": "5"), inflected forms included' }),
    questionOpeners: Phrases('first words that make an unpunctuated sentence a question ("can", "когда", "mikor")'),
    questionLeadIns: Type.Optional(Phrases('words skipped before the question word is looked for ("and", "so", "а", "и", "és")')),
    questionTags: Type.Optional(Phrases('last words that make an unpunctuated sentence a question ("ugye", "vagy sem")')),
  }, { additionalProperties: false, description: 'how speech-to-text output is read (README "Spoken text")' })),
  morphology: Type.Optional(Type.Object({
    suffixes: Phrases('inflectional and derivational suffixes a `stem+` phrase word may be followed by, chained ("tat", "hat", "ná", "m"; "ю", "ите", "ся")'),
  }, { additionalProperties: false, description: 'word forms the stemmer misses (README "Phrase syntax")' })),
  rules: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()), {
    description: 'per-rule overrides: rule id → the fields to change',
  })),
}, { additionalProperties: false });
export type LanguagePackSpec = Static<typeof LanguagePackSpec>;
export type HoldSettings = Static<typeof HoldSettings>;
export type TransferSettings = Static<typeof TransferSettings>;
export type UncertaintySettings = Static<typeof UncertaintySettings>;
