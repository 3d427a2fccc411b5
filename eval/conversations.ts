/**
 * The sample chat and e-mail conversations (`samples/conversations/`, `callqa.conversation-truth/1`)
 * against their truth, per channel and language (`chat-en` … `email-hu`), per channel and all
 * together: how often each rule's verdict agrees with the truth, over every verdict and over the
 * verdicts the truth says apply; the reply-wait rules (first response, longest wait) on their
 * own; the language and channel the analysis settled on.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { languages, type CallResult, type Language, type WrittenChannel } from '../pipeline/result/call-result.ts';
import { loadRulePack } from '../pipeline/rules/index.ts';
import { defaultSamplesDir, type SampleRecording } from './load-truth.ts';
import { shareOf, type Figures } from './measure.ts';

export interface ConversationTruth {
  schema: 'callqa.conversation-truth/1';
  name: string;
  language: Language;
  channel: WrittenChannel;
  rules: Record<string, 'pass' | 'fail' | 'n/a'>;
}

export interface EvaluatedConversation {
  truth: ConversationTruth;
  result: CallResult;
}

export const conversationsFolder = 'conversations';
const sidecarSuffixes = ['.truth.json', '.meta.json', '.parties.json'];

/** Every sample conversation (a file of its folder that is no sidecar), with its truth; `onlyPrefixes` as for recordings. */
export async function findSampleConversations(samplesDir = defaultSamplesDir, onlyPrefixes: readonly string[] = []): Promise<SampleRecording[]> {
  const folder = path.join(samplesDir, conversationsFolder);
  const names = await readdir(folder);
  return names
    .filter((name) => !sidecarSuffixes.some((suffix) => name.endsWith(suffix)))
    .filter((name) => onlyPrefixes.length === 0 || onlyPrefixes.some((prefix) => name.startsWith(prefix)))
    .sort()
    .map((name) => {
      const truthName = `${path.basename(name, path.extname(name))}.truth.json`;
      if (!names.includes(truthName)) throw new Error(`${conversationsFolder}/${name} has no ground truth: expected ${conversationsFolder}/${truthName} beside it`);
      return { label: `${conversationsFolder}/${name}`, audioPath: path.join(folder, name), truthPath: path.join(folder, truthName) };
    });
}

export async function loadConversationTruth(truthPath: string): Promise<ConversationTruth> {
  const parsed = JSON.parse(await readFile(truthPath, 'utf8')) as Partial<ConversationTruth>;
  if (parsed.schema !== 'callqa.conversation-truth/1' || !languages.includes(parsed.language as Language) || typeof parsed.rules !== 'object') {
    throw new Error(`${truthPath}: not a callqa.conversation-truth/1 file (see samples/README.md)`);
  }
  return parsed as ConversationTruth;
}

function measureGroup(conversations: readonly EvaluatedConversation[], replyWaitRuleIds: ReadonlySet<string>): Figures {
  const verdicts = conversations.flatMap(({ truth, result }) =>
    Object.entries(truth.rules).map(([id, expected]) => ({ id, expected, got: result.rules.find((rule) => rule.id === id)?.status ?? 'missing' })));
  const agreeing = (list: typeof verdicts) => list.filter(({ expected, got }) => expected === got).length;
  const applicable = verdicts.filter(({ expected }) => expected !== 'n/a');
  const replyWaits = verdicts.filter(({ id }) => replyWaitRuleIds.has(id));
  const none = 'no conversation in this group';
  return {
    'conversation.rules.agreement': shareOf(agreeing(verdicts), verdicts.length, 'share', none),
    'conversation.rules.applicable_agreement': shareOf(agreeing(applicable), applicable.length, 'share', none),
    'conversation.reply_wait.agreement': shareOf(agreeing(replyWaits), replyWaits.length, 'share', none),
    'conversation.language.accuracy': shareOf(conversations.filter(({ truth, result }) => result.language === truth.language).length, conversations.length, 'share', none),
    'conversation.channel.accuracy': shareOf(conversations.filter(({ truth, result }) => result.channel === truth.channel).length, conversations.length, 'share', none),
  };
}

/** Figures per channel and language, per channel, and over all conversations. */
export async function measureConversations(conversations: readonly EvaluatedConversation[]): Promise<Record<string, Figures>> {
  const pack = await loadRulePack('en');
  const replyWaitRuleIds = new Set(pack.rules.filter((rule) => rule.kind === 'reply-wait').map((rule) => rule.id));
  const groups: Record<string, Figures> = {};
  for (const channel of ['chat', 'email'] as const) {
    for (const language of languages) {
      const members = conversations.filter(({ truth }) => truth.channel === channel && truth.language === language);
      if (members.length > 0) groups[`${channel}-${language}`] = measureGroup(members, replyWaitRuleIds);
    }
  }
  for (const channel of ['chat', 'email'] as const) {
    const members = conversations.filter(({ truth }) => truth.channel === channel);
    if (members.length > 0) groups[channel] = measureGroup(members, replyWaitRuleIds);
  }
  groups.written = measureGroup(conversations, replyWaitRuleIds);
  return groups;
}
