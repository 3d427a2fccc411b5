/**
 * The eval report: one JSON object (`--json`) or a table with one row per figure and one
 * column per group, followed by what fell below its threshold, what is not available, which
 * recordings failed, and a one-line verdict.
 */
import { languages, type Language } from '../pipeline/result/call-result.ts';
import type { ThresholdCheck } from './check-thresholds.ts';
import { matchToleranceS } from './match-events.ts';
import type { Figures, Measure, MeasureUnit } from './measure.ts';

export interface RecordingOutcome {
  label: string;
  language: Language;
  status: 'ok' | 'error';
  error?: string;
}

/** The chat and e-mail conversations: their outcomes and figures per channel and language (eval/conversations.ts). */
export interface ConversationSection {
  recordings: RecordingOutcome[];
  groups: Record<string, Figures>;
}

export interface EvalReport {
  schema: 'callqa.eval/1';
  recordings: RecordingOutcome[];
  /** Figures per group: each language present, then `overall`. */
  groups: Record<string, Figures>;
  conversations?: ConversationSection;
  checks: ThresholdCheck[];
  verdict: { passed: boolean; line: string };
}

function describeVerdict(recordings: readonly RecordingOutcome[], checks: readonly ThresholdCheck[]): EvalReport['verdict'] {
  // Conversations count as recordings here: one that fails to analyse fails the eval alike.
  const failedRecordings = recordings.filter((recording) => recording.status === 'error').length;
  const failedChecks = checks.filter((check) => check.status === 'fail').length;
  const availableChecks = checks.filter((check) => check.status !== 'not available').length;
  const passed = failedRecordings === 0 && failedChecks === 0;
  const line =
    `eval: ${passed ? 'PASS' : 'FAIL'} — ${failedChecks} of ${availableChecks} available checks below threshold, ` +
    `${failedRecordings} of ${recordings.length} recordings failed to analyse, ${checks.length - availableChecks} checks not available`;
  return { passed, line };
}

export function buildReport(recordings: RecordingOutcome[], groups: Record<string, Figures>, checks: ThresholdCheck[], conversations?: ConversationSection): EvalReport {
  const all = [...recordings, ...(conversations?.recordings ?? [])];
  return { schema: 'callqa.eval/1', recordings, groups, ...(conversations && conversations.recordings.length > 0 && { conversations }), checks, verdict: describeVerdict(all, checks) };
}

function formatValue(value: number, unit: MeasureUnit): string {
  if (unit === 'share') return `${(value * 100).toFixed(1)} %`;
  return unit === 'seconds' ? `${value.toFixed(2)} s` : value.toFixed(2);
}

function formatMeasure(measure: Measure | undefined, failed: boolean): string {
  if (measure === undefined || measure.value === null) return 'not available';
  return `${formatValue(measure.value, measure.unit)} (${measure.n})${failed ? ' ✗' : ''}`;
}

function formatTarget(check: ThresholdCheck | undefined, unit: MeasureUnit): string {
  return check === undefined ? '' : `${check.bound === 'min' ? '≥' : '≤'} ${formatValue(check.limit, unit)}`;
}

function wrapList(items: readonly string[], indent: string, widthChars = 100): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const item of items) {
    if (line.length + item.length + 2 > widthChars && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${item}, `;
  }
  lines.push(line.replace(/, $/, ''));
  return lines;
}

/** Checked figures that are not available, one entry per reason, so 72 rule cells read as one line. */
function formatNotAvailable(checks: readonly ThresholdCheck[]): string[] {
  const figuresByReason = new Map<string, Set<string>>();
  for (const check of checks.filter((candidate) => candidate.status === 'not available')) {
    const reason = check.reason ?? 'no reason given';
    figuresByReason.set(reason, (figuresByReason.get(reason) ?? new Set()).add(check.figure));
  }
  if (figuresByReason.size === 0) return ['Not available: none'];
  return ['Not available (listed, not failed):', ...[...figuresByReason].flatMap(([reason, figures]) => [`  ${reason}:`, ...wrapList([...figures], '    ')])];
}

function formatTable(groups: Readonly<Record<string, Figures>>, allChecks: readonly ThresholdCheck[]): string[] {
  const groupNames = Object.keys(groups);
  if (groupNames.length === 0) return [];
  const report = { groups, checks: allChecks.filter((check) => check.group in groups) };
  const familyOf = (key: string) => key.split('.')[0] ?? key;
  const allKeys = [...new Set(Object.values(report.groups).flatMap((figures) => Object.keys(figures)))];
  // Rows of one family (hold detection and hold attributes) together, families in first-seen order.
  const families = [...new Set(allKeys.map(familyOf))];
  const figureKeys = families.flatMap((family) => allKeys.filter((key) => familyOf(key) === family));
  const width = (texts: string[]) => Math.max(...texts.map((text) => text.length)) + 2;
  const rows = figureKeys.map((key) => {
    const checks = report.checks.filter((check) => check.figure === key);
    const unit = groupNames.map((group) => report.groups[group]?.[key]?.unit).find((found) => found !== undefined) ?? 'share';
    const cells = groupNames.map((group) =>
      formatMeasure(report.groups[group]?.[key], checks.some((check) => check.group === group && check.status === 'fail')),
    );
    return { key, cells: [key, ...cells, formatTarget(checks[0], unit)] };
  });
  const header = ['figure', ...groupNames, 'target'];
  const widths = header.map((title, column) => width([title, ...rows.map((row) => row.cells[column] ?? '')]));
  const formatRow = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('').trimEnd();
  const lines = [formatRow(header)];
  rows.forEach((row, index) => {
    // A blank line between families (interruption, hold, rule, …) keeps a 60-row table scannable.
    if (index > 0 && familyOf(row.key) !== familyOf(rows[index - 1]?.key ?? '')) lines.push('');
    lines.push(formatRow(row.cells));
  });
  return lines;
}

/** The human-readable report, ending with the verdict line. */
export function formatReport(report: EvalReport): string {
  const languagesSeen = languages.filter((language) => report.recordings.some((recording) => recording.language === language));
  const counts = languagesSeen.map((language) => `${language} ${report.recordings.filter((recording) => recording.language === language).length}`);
  const lines = report.recordings.length > 0 ? [`callqa eval: ${report.recordings.length} recordings (${counts.join(', ')})`, '', ...formatTable(report.groups, report.checks), ''] : [];
  if (report.conversations) {
    const { recordings, groups } = report.conversations;
    lines.push(`Chat and e-mail conversations: ${recordings.length} (per channel and language; "written" is all of them)`, '', ...formatTable(groups, report.checks), '');
  }
  lines.push(
    `(n): truth events (recall, F1: truth + detected), detections (precision), matched events (errors) or calls behind the figure; ✗ below target.`,
    `Events match when of one type and party, overlapping or starting within ${matchToleranceS} s; one to one, longest overlap first.`,
    '',
  );
  const failed = report.checks.filter((check) => check.status === 'fail');
  lines.push(failed.length === 0 ? 'Below threshold: none' : `Below threshold (${failed.length}):`);
  for (const check of failed) {
    const unit = report.groups[check.group]?.[check.figure]?.unit ?? 'share';
    lines.push(`  ${check.group.padEnd(8)} ${check.figure} = ${formatValue(check.value ?? Number.NaN, unit)}, needs ${formatTarget(check, unit)}`);
  }
  const belowTarget = report.checks.filter((check) => check.status === 'below target');
  lines.push(belowTarget.length === 0 ? 'Below target (advisory): none' : `Below target (advisory, not failed: ${belowTarget.length}):`);
  for (const check of belowTarget) {
    const unit = report.groups[check.group]?.[check.figure]?.unit ?? 'share';
    lines.push(`  ${check.group.padEnd(8)} ${check.figure} = ${formatValue(check.value ?? Number.NaN, unit)}, target ${formatTarget(check, unit)}`);
  }
  lines.push(...formatNotAvailable(report.checks));
  const broken = [...report.recordings, ...(report.conversations?.recordings ?? [])].filter((recording) => recording.status === 'error');
  lines.push(broken.length === 0 ? 'Analysis failures: none' : `Analysis failures (${broken.length}):`);
  for (const recording of broken) lines.push(`  ${recording.label}: ${recording.error ?? 'failed'}`);
  lines.push('', report.verdict.line);
  return `${lines.join('\n')}\n`;
}
