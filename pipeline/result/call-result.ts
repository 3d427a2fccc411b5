/**
 * The `callqa.call/1` contract: what `--json` prints, what the store writes and what the API
 * serves. `schema/callqa.call-1.schema.json` is generated from this file by
 * `npm run schema` and a test fails when it is stale. Adding an optional field keeps /1;
 * renaming or removing one needs callqa.call/2.
 */
import { Type, type SchemaOptions, type Static, type TSchema } from '@sinclair/typebox';
import { redactionKinds } from './redaction-mask.ts';

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
  sent_at: Type.Optional(Type.String({ description: 'Chat and e-mail: when the message was sent, ISO 8601 (with the offset the file gave); start is its seconds after the first message.' })),
  sentiment: Type.Optional(Nullable(UtteranceSentiment, {
    description: 'Model sentiment of the utterance; null or absent when unscored — always so for agent and unknown-party speech while the deployment has agent sentiment off (setting agentSentiment).',
  })),
});
export type Utterance = Static<typeof Utterance>;

export const contactChannels = ['voice', 'chat', 'email'] as const;
export const ContactChannel = Type.Union(contactChannels.map((name) => Type.Literal(name)), {
  description: 'How the contact took place: a recorded call, or a written chat or e-mail conversation (no audio; voice-only rules are n/a). Absent in results made before conversations: voice.',
});
export type ContactChannel = Static<typeof ContactChannel>;
export type WrittenChannel = Exclude<ContactChannel, 'voice'>;

export const dropReasons = ['no_speech', 'repetition', 'compression_ratio', 'avg_logprob'] as const;
export type DropReason = (typeof dropReasons)[number];

export const DroppedChunk = Type.Object({
  ...Span,
  party: Party,
  reason: Type.Union(dropReasons.map((reason) => Type.Literal(reason)), {
    description: 'The guard it failed at the last temperature tried: no_speech (silence), repetition (a loop of tokens), compression_ratio (text too repetitive), avg_logprob (tokens too improbable).',
  }),
  temperature: Type.Optional(Type.Number({ minimum: 0, description: 'Temperature of the last decoding attempt.' })),
  avg_logprob: Type.Optional(Type.Number({ description: 'Mean log probability per token of the last attempt.' })),
  compression_ratio: Type.Optional(Type.Number({ minimum: 0 })),
  no_speech_probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
});
export type DroppedChunk = Static<typeof DroppedChunk>;

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

export const ruleStatuses = ['pass', 'fail', 'uncertain', 'n/a'] as const;
/** What a QA reviewer may set: a review settles an uncertain result. */
export const decidedRuleStatuses = ['pass', 'fail', 'n/a'] as const satisfies readonly (typeof ruleStatuses)[number][];
export const RuleResult = Type.Object({
  id: Type.String(),
  status: Type.Union(ruleStatuses.map((status) => Type.Literal(status)), {
    description: 'uncertain: the rule could not decide (a partial phrase match, low-confidence speech-to-text, a transcript gap over the event); it neither counts in the score nor caps it, and puts the call in the QA review queue.',
  }),
  count: Type.Integer({ minimum: 0 }),
  uncertain_reason: Type.Optional(Type.String({ description: 'Why an uncertain rule could not decide, e.g. "partial match of \"put|place you hold\" (hold-ask)".' })),
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

const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const WindowSeries = (description: string) => Type.Array(Nullable(Type.Number()), { description: `${description}, one value per window of window_s seconds from the start of the call; null where the party did not speak in it.` });
const Semitones = (description: string) => Nullable(Type.Number({ minimum: 0, description }));

export const PartyMetrics = Type.Object(
  {
    party: Party,
    channel: Type.Integer({ minimum: 0 }),
    speech_s: Seconds("Seconds of the party's detected speech (voice activity on its channel)."),
    talk_speed: Type.Object({
      words_per_minute: Nullable(Type.Number({ minimum: 0, description: "The party's transcript words over its speech time; null without a transcript of the party." })),
      syllables_per_s: Nullable(Type.Number({ minimum: 0, description: 'Syllable nuclei (peaks of the level envelope) per second of speech, from the audio alone; null without speech.' })),
      measured_by: Nullable(Type.Union([Type.Literal('transcript'), Type.Literal('audio')], { description: 'What fast_share was judged on: words per minute per utterance, else syllable rate per stretch of speech.' })),
      fast_share: Nullable(Share('Share of the measured speech time spoken faster than the threshold.')),
      too_fast: Nullable(Type.Boolean({ description: 'Agent only: fast_share reached the flagged share; null for other parties or when not measured.' })),
    }),
    monologue: Nullable(Type.Object({
      threshold_s: Seconds('Monologues at least this long count.'),
      longest_s: Seconds('Longest monologue: a continuous turn of the party, the other party\'s backchannels allowed.'),
      over_threshold_s: Seconds('Seconds in monologues of at least threshold_s.'),
      call_share: Share('over_threshold_s over the call duration.'),
      over_threshold: Type.Array(Type.Object(Span), { description: 'The monologues of at least threshold_s.' }),
    }, { description: 'null for mono calls: turns need the parties apart.' })),
    loudness: Type.Object({
      speech_dbfs: Nullable(Type.Number({ description: "Power mean of the party's speech frames in dBFS." })),
      series_dbfs: WindowSeries("Power mean of the party's speech frames in dBFS"),
      raised_voice: Type.Array(Type.Object({ ...Span, rise_db: Type.Number({ description: 'Mean rise over the running baseline in the span.' }) }), {
        description: 'Spans where the party spoke at least the threshold louder than its own running baseline (median of its preceding speech windows).',
      }),
    }),
    pitch: Type.Object({
      voiced_s: Seconds('Seconds of speech frames with a pitch (F0) found.'),
      median_hz: Nullable(Type.Number({ minimum: 0, description: "Median F0 of the party's voiced speech." })),
      range_st: Semitones('Pitch range: 10th to 90th percentile of F0, in semitones; null under the least voiced time.'),
      monotony_st: Semitones('Standard deviation of F0 in semitones: the lower, the more monotone; null under the least voiced time.'),
      series_hz: WindowSeries('Median F0 of the voiced speech frames in Hz'),
    }),
  },
  { description: 'Conversation figures of one channel\'s party; definitions in pipeline/metrics/README.md.' },
);
export type PartyMetrics = Static<typeof PartyMetrics>;

export const ConversationMetrics = Type.Object(
  {
    window_s: Type.Number({ exclusiveMinimum: 0, description: 'Length of each window of the loudness and pitch series.' }),
    parties: Type.Array(PartyMetrics, { description: 'One per channel: agent and customer for stereo, unknown for mono.' }),
    non_talk: Type.Object({
      min_gap_s: Seconds('Gaps at least this long count.'),
      total_s: Seconds('Seconds in gaps inside the conversation where nobody speaks (silence and holds alike) of at least min_gap_s.'),
      count: Type.Integer({ minimum: 0 }),
      call_share: Share('total_s over the call duration.'),
      dead_air_s: Seconds('Seconds of dead_air events, for comparison.'),
      hold_s: Seconds('Seconds of hold events, for comparison.'),
    }),
  },
  { description: 'Per-party conversation metrics (talk speed, monologues, non-talk time, loudness, pitch) as figures, not emotion labels.' },
);
export type ConversationMetrics = Static<typeof ConversationMetrics>;

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

export const redactionModes = ['off', 'text', 'text+audio'] as const;
export type RedactionMode = (typeof redactionModes)[number];

export const RedactedSpan = Type.Object({
  kind: Type.Union(redactionKinds.map((kind) => Type.Literal(kind))),
  item: Type.Optional(Type.String({ description: 'For data-item: the rule pack\'s dataItems id asked for or named (account-number, order-number, …).' })),
  party: Party,
  utterance: Type.Integer({ minimum: 0, description: 'Index into utterances.' }),
  ...Span,
}, { description: 'One redacted value: what kind and where, never the value. start/end are the words\' times when the utterance has word timings, else the utterance\'s.' });
export type RedactedSpan = Static<typeof RedactedSpan>;

export const CallRedaction = Type.Object(
  {
    mode: Type.Union([Type.Literal('text'), Type.Literal('text+audio')], {
      description: 'text: masked in every stored text; text+audio: also bleeped in served audio and clips.',
    }),
    spans: Type.Array(RedactedSpan),
  },
  { description: 'Personal data found in the transcript (setting redaction): every text of this result has each of its words replaced by a mask such as "[card]"; absent when redaction is off.' },
);
export type CallRedaction = Static<typeof CallRedaction>;

export const CallResult = Type.Object(
  {
    schema: Type.Literal('callqa.call/1'),
    call_id: Nullable(Type.String({ description: 'First 16 hex digits of sha256; null when the file could not be read.' })),
    source: Type.String({ description: 'The path as given on the command line.' }),
    sha256: Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
    channel: Type.Optional(ContactChannel),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    container: Nullable(Type.String({ description: 'The recording\'s container, or a conversation\'s import format (callqa-json, csv, eml, mbox, zendesk-json).' })),
    codec: Nullable(Type.String()),
    duration_s: Nullable(Seconds('Duration of the decoded audio; for a chat or e-mail conversation, from its first message to its last.')),
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
    transcription: Type.Optional(Type.Object({
      dropped_chunks: Type.Array(DroppedChunk, { description: 'Stretches of speech whose speech-to-text failed every decoding guard: recorded here, never stored as text.' }),
    }, { description: 'How speech-to-text went; absent for imported transcripts.' })),
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
    metrics: Type.Optional(ConversationMetrics),
    score: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
    versions: Type.Optional(JudgementVersions),
    redaction: Type.Optional(CallRedaction),
  },
  {
    $id: 'https://callqa.dev/schema/callqa.call-1.schema.json',
    title: 'callqa.call/1',
    description: 'The analysis of one call recording.',
  },
);
export type CallResult = Static<typeof CallResult>;
