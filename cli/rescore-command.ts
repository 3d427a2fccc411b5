/**
 * `callqa rescore [--since DATE] [--agent ID] [--language xx] [--json]`: judges stored calls
 * again with the current rule packs and scorecard and prints the calls whose score or a rule
 * verdict changed.
 */
import { defineCommand } from 'citty';
import { toJudgeConfigSpec } from '../config/index.ts';
import { loadJudgeConfig } from '../pipeline/judge-call.ts';
import { openStore } from '../store/index.ts';
import { rescoreCalls, resolveRescoreFilters, type RescoreReport } from '../store/rescore/index.ts';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { formatTextTable } from './summary-table.ts';

const settingKeys = ['dbPath', 'languages', 'rulePacksDir', 'scorecardPath', 'agentSentiment'] as const;

const scoreText = (score: number | null) => (score === null ? '–' : score.toFixed(1));

/** The diff as a table, one row per changed call, then a line on what was read and written. */
export function formatRescoreReport(report: RescoreReport): string {
  const rows = report.changes.map((change) => [
    change.call_id,
    `${scoreText(change.score_before)} → ${scoreText(change.score_after)}`,
    change.rules.map((rule) => `${rule.rule_id} ${rule.before ?? '–'}→${rule.after ?? '–'}`).join(', '),
  ]);
  const table = rows.length > 0 ? formatTextTable([['call', 'score', 'verdicts changed'], ...rows]) : '';
  const packs = Object.entries(report.versions.rule_packs).map(([language, version]) => `${language} ${version.label ?? version.hash}`).join(', ');
  const scorecard = report.versions.scorecard.label ?? report.versions.scorecard.hash;
  return `${table}${report.calls_rescored} calls rescored with rule packs ${packs} and scorecard ${scorecard}: `
    + `${report.calls_changed} changed, ${report.calls_written} results written (run ${report.run_id})\n`;
}

export const rescoreCommand = defineCommand({
  meta: commandMeta.rescore,
  args: {
    since: { type: 'string', description: 'Only calls that took place (else were first analysed) on or after this ISO date' },
    agent: { type: 'string', description: 'Only calls of this agent id' },
    language: { type: 'string', description: 'Only calls in this language (en, ru, hu)' },
    json: { type: 'boolean', description: 'Print the run as JSON (filters, versions, counts, changes) instead of a table', default: false },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const filters = resolveRescoreFilters({ since: args.since, agent: args.agent, language: args.language });
      const settings = await loadCommandSettings(args, settingKeys);
      const config = await loadJudgeConfig(toJudgeConfigSpec(settings));
      const store = await openStore(settings.dbPath.value);
      try {
        const report = await rescoreCalls(store, config, filters, effects);
        process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatRescoreReport(report));
      } finally {
        store.close();
      }
    }),
});
