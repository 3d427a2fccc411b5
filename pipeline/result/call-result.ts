/**
 * The `callqa.call/1` contract: what `--json` prints, what the store writes and what the API
 * serves. `schema/callqa.call-1.schema.json` is generated from this file by
 * `npm run schema` and a test fails when it is stale. Adding an optional field keeps /1;
 * renaming or removing one needs callqa.call/2.
 */
import { Type, type SchemaOptions, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T, options?: SchemaOptions) => Type.Union([schema, Type.Null()], options);
const Seconds = (description: string) => Type.Number({ minimum: 0, description });

export const partyNames = ['agent', 'customer', 'unknown'] as const;
export const Party = Type.Union(partyNames.map((name) => Type.Literal(name)), {
  description: 'Who speaks on a channel; mono recordings are "unknown" until speakers are separated.',
});
export type Party = Static<typeof Party>;
const SpeakingParty = Type.Union([Type.Literal('agent'), Type.Literal('customer')]);

export const languages = ['en', 'ru', 'hu'] as const;
export const Language = Type.Union(languages.map((code) => Type.Literal(code)));
export type Language = Static<typeof Language>;

const Span = {
  start: Seconds('Seconds from the start of the recording.'),
  end: Seconds('Seconds from the start of the recording.'),
};

export const Evidence = Type.Object({ ...Span, party: Party, text: Type.String() });

export const Word = Type.Object({ ...Span, text: Type.String(), confidence: Type.Optional(Type.Number()) });

export const sentimentLabels = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof sentimentLabels)[number];
const SentimentScore = (description?: string) => Type.Number({ minimum: -1, maximum: 1, ...(description && { description }) });

export const UtteranceSentiment = Type.Object({
  label: Type.Union(sentimentLabels.map((label) => Type.Literal(label))),
  score: SentimentScore(),
});
export type UtteranceSentiment = Static<typeof UtteranceSentiment>;

export const Utterance = Type.Object({
  ...Span,
  party: Party,
  text: Type.String(),
  language: Type.Optional(Nullable(Language)),
  confidence: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1 }))),
  words: Type.Optional(Type.Array(Word)),
  sentiment: Type.Optional(Nullable(UtteranceSentiment, {
    description: 'Model sentiment of the utterance; null or absent when unscored — always so for agent and unknown-party speech while the deployment has agent sentiment off (setting agentSentiment).',
  })),
});
export type Utterance = Static<typeof Utterance>;

export const eventTypes = ['interruption', 'backchannel', 'hold', 'dead_air', 'transfer'] as const;
export const EventType = Type.Union(eventTypes.map((name) => Type.Literal(name)));
export type EventType = Static<typeof EventType>;

export const CallEvent = Type.Union([
  Type.Object({ type: Type.Literal('interruption'), ...Span, by: SpeakingParty, overlap_s: Seconds('Length of the overlap.') }),
  Type.Object({ type: Type.Literal('backchannel'), ...Span, by: SpeakingParty }),
  Type.Object({
    type: Type.Literal('hold'),
    ...Span,
    kind: Type.Union([Type.Literal('music'), Type.Literal('silence')]),
    consented: Type.Optional(Nullable(Type.Boolean())),
    duration_stated: Type.Optional(Nullable(Type.Boolean())),
    thanked_after: Type.Optional(Nullable(Type.Boolean())),
  }),
  Type.Object({ type: Type.Literal('dead_air'), ...Span }),
  Type.Object({
    type: Type.Literal('transfer'),
    ...Span,
    target_named: Type.Optional(Nullable(Type.Boolean())),
    reason_given: Type.Optional(Nullable(Type.Boolean())),
    callback_number_given: Type.Optional(Nullable(Type.Boolean())),
  }),
]);
export type CallEvent = Static<typeof CallEvent>;

export const ruleStatuses = ['pass', 'fail', 'n/a'] as const;
export const RuleResult = Type.Object({
  id: Type.String(),
  status: Type.Union(ruleStatuses.map((status) => Type.Literal(status))),
  count: Type.Integer({ minimum: 0 }),
  severity: Type.Optional(Type.Union([Type.Literal('info'), Type.Literal('minor'), Type.Literal('major'), Type.Literal('critical')])),
  weight: Type.Optional(Type.Number({ minimum: 0 })),
  evidence: Type.Array(Evidence),
});
export type RuleResult = Static<typeof RuleResult>;

export const PartyStats = Type.Object({
  channel: Type.Integer({ minimum: 0, maximum: 1 }),
  talk_s: Seconds('Seconds of detected speech.'),
  talk_listen_ratio: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
  longest_monologue_s: Type.Optional(Nullable(Seconds('Longest stretch of speech without a turn change.'))),
});

export const ChannelLevel = Type.Object({
  channel: Type.Integer({ minimum: 0 }),
  party: Party,
  rms_dbfs: Type.Number({ description: 'Mean level in dB relative to full scale; -120 for digital silence.' }),
  peak_dbfs: Type.Number(),
  clipped_ratio: Type.Number({ minimum: 0, maximum: 1, description: 'Share of samples at or above 0.999 of full scale.' }),
});

export const SpeechSegment = Type.Object({ ...Span, channel: Type.Integer({ minimum: 0 }), party: Party });
export type SpeechSegment = Static<typeof SpeechSegment>;

export const speakerIds = ['A', 'B'] as const;
export const SpeakerId = Type.Union(speakerIds.map((id) => Type.Literal(id)), { description: 'A speaker of a diarized channel; A is the one heard first.' });
export type SpeakerId = Static<typeof SpeakerId>;
export const agentEvidenceKinds = ['first-speaker', 'greeting', 'hold'] as const;
export type AgentEvidenceKind = (typeof agentEvidenceKinds)[number];
export const diarizationSources = ['builtin', 'neural'] as const;
export type DiarizationSource = (typeof diarizationSources)[number];

export const CallDiarization = Type.Object(
  {
    source: Type.Union(diarizationSources.map((source) => Type.Literal(source)), {
      description: '"builtin": spectral features, two-speaker clustering and smoothed resegmentation, no download, one speaker at a time; "neural": a segmentation and a speaker-embedding model from the registry.',
    }),
    channel: Type.Integer({ minimum: 0, description: 'The channel that carries both parties.' }),
    overlaps_visible: Type.Boolean({ description: 'Whether the method sees two speakers at once; interruptions and backchannels are checked only then.' }),
    speakers: Type.Array(Type.Object({ id: SpeakerId, party: Party, talk_s: Seconds('Seconds of the speaker’s turns.') })),
    agent: Type.Object({
      speaker: Nullable(SpeakerId, { description: 'The speaker who is the agent; null when the evidence is too weak to say (parties then stay "unknown").' }),
      confidence: Type.Number({ minimum: 0, maximum: 1, description: 'Probability that the agent is the speaker named (when null, the likelier one).' }),
      evidence: Type.Array(Type.Object({
        kind: Type.Union(agentEvidenceKinds.map((kind) => Type.Literal(kind))),
        speaker: SpeakerId,
        log_odds: Type.Number({ description: 'What this evidence adds to the log-odds that this speaker is the agent.' }),
      })),
    }),
    turns: Type.Array(Type.Object({ ...Span, speaker: SpeakerId }), { description: 'Who of the two speakers spoke when, by start.' }),
  },
  { description: 'Two parties told apart on one channel (a mono recording); absent for calls with a channel per party.' },
);
export type CallDiarization = Static<typeof CallDiarization>;

export const callDirections = ['inbound', 'outbound', 'internal'] as const;
export type CallDirection = (typeof callDirections)[number];
export const metadataSources = ['request', 'sidecar', 'file-name', 'tags', 'cdr'] as const;
export type MetadataSource = (typeof metadataSources)[number];

export const CallMetadata = Type.Object(
  {
    started_at: Type.Optional(Nullable(Type.String({ description: 'When the call took place: ISO 8601, the contact centre\'s wall-clock time unless an offset is given.' }))),
    queue: Type.Optional(Nullable(Type.String())),
    direction: Type.Optional(Nullable(Type.Union(callDirections.map((direction) => Type.Literal(direction))))),
    customer_ref: Type.Optional(Nullable(Type.String({ description: 'Customer id or number, as the source gave it.' }))),
    custom: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Any other fields a source gave.' })),
    sources: Type.Optional(Type.Record(Type.String(), Type.Union(metadataSources.map((source) => Type.Literal(source))), {
      description: 'Where each field came from ("agent_id", "started_at", …, "custom.<name>"): the request, the <name>.meta.json sidecar, the file name, the container tags, or a CDR.',
    })),
  },
  { description: 'What is known about the call besides its audio; agent_id is at the top level.' },
);
export type CallMetadata = Static<typeof CallMetadata>;

const PartySentiment = Type.Object({
  mean: Nullable(SentimentScore("Mean score of the party's utterances; null when it said nothing scored.")),
  trajectory: Type.Array(Type.Object({ ...Span, score: SentimentScore(), utterances: Type.Integer({ minimum: 1 }) }), {
    description: 'Mean score per window of window_s seconds, an utterance counting in the window holding its midpoint; windows where the party said nothing are left out.',
  }),
});

export const CallSentiment = Type.Object(
  {
    window_s: Type.Number({ exclusiveMinimum: 0, description: 'Length of each trajectory window.' }),
    edge_utterances: Type.Integer({ minimum: 1, description: 'At most this many customer utterances make up the start and the end.' }),
    agent: Nullable(PartySentiment, {
      description: 'null when the deployment turned agent sentiment off (setting agentSentiment, EU AI Act Art. 5(1)(f)): the agent\'s utterances were not scored and carry no sentiment either.',
    }),
    customer: PartySentiment,
    customer_start: Nullable(SentimentScore("Mean score of the customer's first utterances; null under two scored utterances.")),
    customer_end: Nullable(SentimentScore("Mean score of the customer's last utterances, never overlapping the first.")),
  },
  { description: "How sentiment moved through the call, from the utterances' model scores (positive minus negative probability)." },
);
export type CallSentiment = Static<typeof CallSentiment>;

export const ContentVersion = Type.Object({
  hash: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'First 16 hex digits of the sha256 of the content, as parsed JSON.' }),
  label: Nullable(Type.String({ description: 'The "label" the file gives itself, if any.' })),
});
export type ContentVersion = Static<typeof ContentVersion>;

export const JudgementVersions = Type.Object(
  {
    rule_pack: Type.Object({ language: Language, ...ContentVersion.properties }, { description: 'The language pack and the base it extends, hashed together.' }),
    scorecard: ContentVersion,
  },
  { description: 'Which rule pack and scorecard made the rules and the score; absent when nothing was judged.' },
);
export type JudgementVersions = Static<typeof JudgementVersions>;

export const CallResult = Type.Object(
  {
    schema: Type.Literal('callqa.call/1'),
    call_id: Nullable(Type.String({ description: 'First 16 hex digits of sha256; null when the file could not be read.' })),
    source: Type.String({ description: 'The path as given on the command line.' }),
    sha256: Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    container: Nullable(Type.String()),
    codec: Nullable(Type.String()),
    duration_s: Nullable(Seconds('Duration of the decoded audio.')),
    channels: Nullable(Type.Integer({ minimum: 1, maximum: 2 })),
    sample_rate: Nullable(Type.Integer({ minimum: 1, description: 'Sample rate of the source in Hz.' })),
    size_bytes: Type.Optional(Nullable(Type.Integer({ minimum: 0, description: 'Size of the recording file in bytes.' }))),
    agent_channel: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1, description: 'Stereo channel that carries the agent; null for mono.' }))),
    language: Nullable(Language),
    agent_id: Nullable(Type.String()),
    metadata: Type.Optional(CallMetadata),
    channel_levels: Type.Array(ChannelLevel),
    speech_segments: Type.Optional(Type.Array(SpeechSegment, { description: 'Where voice activity was detected, by channel, then time.' })),
    diarization: Type.Optional(Nullable(CallDiarization)),
    parties: Nullable(Type.Object({ agent: PartyStats, customer: PartyStats })),
    silence_s: Nullable(Seconds('Seconds in which nobody speaks.')),
    overlap_s: Nullable(Seconds('Seconds in which both parties speak.')),
    transcript_source: Nullable(Type.String({ description: '"import:<file>" or "model:<id>"; null when none.' })),
    utterances: Type.Array(Utterance),
    event_types_checked: Type.Array(EventType, {
      description: 'Event types the analysis looked for: an absent type was not checked, which is not the same as none found.',
    }),
    events: Type.Array(CallEvent),
    audio_event_types_checked: Type.Optional(Type.Array(EventType, {
      description: 'Event types the audio stage looked for, before the rules stage searched the transcript for holds and transfers: with the events, what a rescore needs to rebuild the rules stage input.',
    })),
    statements: Nullable(Type.Object({ agent: Type.Object({ i: Type.Integer({ minimum: 0 }), you: Type.Integer({ minimum: 0 }) }) })),
    rules: Type.Array(RuleResult),
    sentiment_source: Nullable(
      Type.String({ description: 'Where utterance sentiment came from: "model:<id>", or "lexicon" when no sentiment model is installed. With agent sentiment off (setting agentSentiment) the model reads the customer only and calm-under-pressure judges the agent by the rule pack\'s wording lexicon.' }),
    ),
    sentiment: Type.Optional(CallSentiment),
    score: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
    versions: Type.Optional(JudgementVersions),
  },
  {
    $id: 'https://callqa.dev/schema/callqa.call-1.schema.json',
    title: 'callqa.call/1',
    description: 'The analysis of one call recording.',
  },
);
export type CallResult = Static<typeof CallResult>;
