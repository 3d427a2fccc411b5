import { readFileSync } from 'node:fs';

/** conversation-import.json: how exports spell their columns, which senders are agents, where quoted history starts. */
export interface ImportSettings {
  csv: { columns: Readonly<Record<'sent_at' | 'author' | 'text' | 'role', readonly string[]>>; ignoredColumns: readonly string[] };
  email: { agentAddresses: readonly RegExp[]; replyHeaders: readonly RegExp[]; signatureMarkers: readonly RegExp[] };
  zendesk: { agentRoles: readonly string[]; chatChannels: readonly string[] };
  limits: { maxBytes: number; maxMessages: number };
}

interface ImportSettingsSpec extends Omit<ImportSettings, 'email'> {
  email: Record<keyof ImportSettings['email'], string[]>;
}

const compile = (patterns: readonly string[]) => patterns.map((pattern) => new RegExp(pattern, 'iu'));

/** The shipped settings, read once. */
export const importSettings: ImportSettings = (() => {
  const spec = JSON.parse(readFileSync(new URL('./conversation-import.json', import.meta.url), 'utf8')) as ImportSettingsSpec;
  const { agentAddresses, replyHeaders, signatureMarkers } = spec.email;
  return Object.freeze({
    ...spec,
    email: { agentAddresses: compile(agentAddresses), replyHeaders: compile(replyHeaders), signatureMarkers: compile(signatureMarkers) },
  });
})();
