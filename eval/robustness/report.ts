/**
 * The robustness report as a Markdown table, one row per condition and one column per
 * figure (a cell below its target is marked ✗), then what failed and the verdict line.
 */
import type { Measure } from '../measure.ts';
import type { RobustnessReport } from './evaluate.ts';

const columns: readonly { figure: string; title: string }[] = [
  { figure: 'interruption.precision', title: 'int P' },
  { figure: 'interruption.recall', title: 'int R' },
  { figure: 'interruption.f1', title: 'int F1' },
  { figure: 'interruption.agent.start_error_s', title: 'int start err (agent)' },
  { figure: 'backchannel.as_interruption', title: 'backch. as int' },
  { figure: 'short_overlap.as_interruption', title: 'short ovl. as int' },
  { figure: 'talk_time.agent.median_error', title: 'talk agent med' },
  { figure: 'talk_time.agent.max_error', title: 'talk agent worst' },
  { figure: 'talk_time.customer.median_error', title: 'talk cust. med' },
  { figure: 'talk_time.customer.max_error', title: 'talk cust. worst' },
  { figure: 'hold.f1', title: 'hold F1' },
  { figure: 'hold.kind.accuracy', title: 'music/silence' },
  { figure: 'dead_air.f1', title: 'dead air F1' },
];

function formatCell(measure: Measure | undefined, failed: boolean): string {
  if (measure === undefined || measure.value === null) return '–';
  const text = measure.unit === 'seconds' ? `${measure.value.toFixed(2)} s` : measure.unit === 'share' ? `${(measure.value * 100).toFixed(1)} %` : measure.value.toFixed(2);
  return failed ? `${text} ✗` : text;
}

export function formatRobustnessReport(report: RobustnessReport): string {
  const lines = [
    `| condition | calls | ${columns.map((column) => column.title).join(' | ')} |`,
    `|---|---:|${columns.map(() => '---:').join('|')}|`,
  ];
  for (const outcome of report.conditions) {
    const figures = report.groups[outcome.condition] ?? {};
    const cells = columns.map(({ figure }) => {
      const failed = report.checks.some((check) => check.group === outcome.condition && check.figure === figure && check.status === 'fail');
      return formatCell(figures[figure], failed);
    });
    lines.push(`| ${outcome.condition} | ${outcome.recordings - outcome.failures.length} | ${cells.join(' | ')} |`);
  }
  const failed = report.checks.filter((check) => check.status === 'fail');
  lines.push('', `Below target: ${failed.length === 0 ? 'none' : failed.length}`);
  const failures = report.conditions.flatMap((outcome) => outcome.failures);
  lines.push(`Analysis failures: ${failures.length === 0 ? 'none' : failures.map((failure) => `${failure.label} (${failure.error})`).join('; ')}`);
  lines.push('', report.verdict.line);
  return `${lines.join('\n')}\n`;
}
