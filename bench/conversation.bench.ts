/**
 * Chat and e-mail import and analysis: a 5,000-message chat CSV (the import limit) and a
 * 1,000-message windows-1251 quoted-printable mbox, each read (`loadConversation`) and analysed
 * in full (`analyzeCall`: language, rules, score; no sentiment model), with the heap the
 * analysis grew by. The texts are the sample conversations' messages, repeated.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { silentEffects } from '../core/effects.ts';
import { resolveSettings, toAnalyzeConfigSpec } from '../config/index.ts';
import { analyzeCall } from '../pipeline/analyze.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { loadConversation, type ConversationFormat } from '../pipeline/conversation/index.ts';
import { loadConversationScripts, renderConversation, type ConversationScript } from '../samples/generate-conversations.ts';

/** A script's messages repeated to `count`, a minute apart from the same start. */
function lengthened(script: ConversationScript, count: number): ConversationScript {
  const startMs = Date.parse(script.messages[0]!.at.replace(/([+-]\d{2}:\d{2}|Z)?$/, 'Z'));
  const messages = Array.from({ length: count }, (_, index) => {
    const message = script.messages[index % script.messages.length]!;
    return { ...message, at: new Date(startMs + index * 60_000).toISOString().replace('.000Z', '+00:00') };
  });
  return { ...script, messages };
}

export async function benchConversation(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-bench-conversation-'));
  try {
    const scripts = new Map((await loadConversationScripts()).map(({ name, script }) => [name, script]));
    const cases: { label: string; file: string; format: ConversationFormat; script: ConversationScript }[] = [
      { label: 'chat CSV, 5,000 messages', file: 'long.csv', format: 'csv', script: lengthened(scripts.get('en-chat-01-parcel-missing')!, 5000) },
      { label: 'mbox windows-1251 QP, 1,000 messages', file: 'long.mbox', format: 'mbox', script: lengthened(scripts.get('ru-email-02-delivery')!, 1000) },
    ];
    const config = await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings({ flags: { modelsDir: path.join(folder, 'no-models') } })), silentEffects);
    for (const { label, file, format, script } of cases) {
      const filePath = path.join(folder, file);
      if (format === 'csv') await writeFile(path.join(folder, 'long.parties.json'), JSON.stringify({ [script.agent.name]: 'agent', [script.customer.name]: 'customer' }));
      await writeFile(filePath, renderConversation(script));
      const readStartedMs = performance.now();
      const conversation = await loadConversation(filePath, format);
      const readMs = performance.now() - readStartedMs;
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const cpuStart = process.cpuUsage();
      const startedMs = performance.now();
      const outcome = await analyzeCall({ source: filePath, agentChannel: 0, known: {}, transcriptPath: null }, config, silentEffects);
      const wallMs = performance.now() - startedMs;
      const cpu = process.cpuUsage(cpuStart);
      const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      if (outcome.status !== 'ok') throw new Error(`${label}: ${outcome.result.error?.message}`);
      console.log(`${label}: read ${readMs.toFixed(0)} ms (${conversation.messages.length} messages); analysed ${wallMs.toFixed(0)} ms wall, `
        + `${((cpu.user + cpu.system) / 1000 / conversation.messages.length).toFixed(2)} ms CPU per message, heap +${heapGrowthMb.toFixed(0)} MB, peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchConversation();
