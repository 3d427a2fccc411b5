/**
 * Calibration: the sessions, and one session as the signed-in user meets it — a blind scoring
 * form (the calls' transcripts and one verdict per rule, nothing of the machine's) until they
 * submit, then the agreement tables: each pair of raters (the machine among them), each
 * evaluator against the consensus and the machine, and the rules with most disagreement first.
 */
import { getJson, postJson } from '../api-client.ts';
import { ruleStatuses, type AgreementReport, type CalibrationSession, type CalibrationView } from '../api-types.ts';
import { emptyState, h, loadInto } from '../dom.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { signedInPrincipal } from '../principal.ts';
import { routeHref, type Route } from '../router.ts';

type PairAgreement = AgreementReport['machine_with_consensus'];

function table(caption: string, header: readonly string[], rows: readonly (readonly (string | number)[])[], className: string): HTMLElement {
  return h('table', { class: className }, [
    h('caption', {}, [caption]),
    h('thead', {}, [h('tr', {}, header.map((title) => h('th', { scope: 'col' }, [title])))]),
    h('tbody', {}, rows.map(([head, ...cells]) => h('tr', {}, [h('th', { scope: 'row' }, [String(head)]), ...cells.map((cell) => h('td', { class: 'number' }, [String(cell)]))]))),
  ]);
}

const agreementCells = (agreement: PairAgreement) => [agreement.items, formatPercent(agreement.percent), formatNumber(agreement.kappa, 2)];

function agreementView(report: AgreementReport): HTMLElement {
  return h('div', { class: 'agreement' }, [
    h('p', { class: 'agreement-summary' }, [
      `${report.items} items; all evaluators agreed on ${formatPercent(report.percent_agreement)}; Fleiss' κ ${formatNumber(report.fleiss_kappa, 2)}; `,
      `machine vs consensus κ ${formatNumber(report.machine_with_consensus.kappa, 2)}.`,
      report.evaluators_pending.length ? ` Still to submit: ${report.evaluators_pending.join(', ')}.` : '',
    ]),
    table("Pairs of raters (Cohen's κ)", ['Rater', 'With', 'Items', 'Agreement', 'κ'],
      report.pairs.map((pair) => [pair.a, pair.b, ...agreementCells(pair.agreement)]), 'agreement-pairs'),
    table('Each evaluator', ['Evaluator', 'Items', 'With consensus', 'κ', 'Items', 'With machine', 'κ'],
      report.evaluators.map((entry) => [entry.evaluator, ...agreementCells(entry.with_consensus), ...agreementCells(entry.with_machine)]), 'agreement-evaluators'),
    table('Rules, most disagreement first', ['Rule', 'Disagreements', 'All agree', "Fleiss' κ", 'Machine vs consensus κ'],
      report.rules.map((rule) => [rule.rule_id, rule.disagreements, formatPercent(rule.percent_agreement), formatNumber(rule.fleiss_kappa, 2), formatNumber(rule.machine_with_consensus.kappa, 2)]),
      'agreement-rules'),
    table('Machine vs consensus per language', ['Language', 'Items', 'Agreement', 'κ'],
      report.languages.map((entry) => [entry.language ?? '—', ...agreementCells(entry.machine_with_consensus)]), 'agreement-languages'),
  ]);
}

function scoringForm(view: CalibrationView, onSubmitted: () => void): HTMLElement {
  const message = h('p', { class: 'form-message', role: 'alert' });
  const form = h('form', { class: 'calibration-form' }, [
    ...view.calls.map((call) => h('fieldset', { class: 'card calibration-call', 'data-call-id': call.call_id }, [
      h('legend', {}, [`${call.file_name} (${call.language ?? '?'})`]),
      h('ol', { class: 'calibration-transcript' }, call.utterances.map((line) => h('li', {}, [h('span', { class: 'party' }, [line.party]), ' ', line.text]))),
      ...view.session.rule_ids.map((ruleId) => h('label', { class: 'field' }, [h('span', {}, [ruleId]),
        h('select', { name: `${call.call_id}|${ruleId}`, required: true }, [h('option', { value: '' }, ['choose…']), ...ruleStatuses.map((status) => h('option', { value: status }, [status]))])])),
    ])),
    message,
    h('button', { type: 'submit' }, ['Submit my answers']),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answers = [...form.querySelectorAll('select')].map((select) => {
      const [call_id, rule_id] = select.name.split('|') as [string, string];
      return { call_id, rule_id, status: select.value };
    });
    try {
      await postJson(`/calibrations/${view.session.session_id}/answers`, { answers });
      onSubmitted();
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    }
  });
  return form;
}

function sessionPage(sessionId: string, signal: AbortSignal): HTMLElement {
  const body = h('div', {});
  const title = h('h1', { id: 'calibration-title' }, ['Calibration']);
  const show = () => void loadInto(body, 'the session', async () => {
    const [view, me] = await Promise.all([getJson<CalibrationView>(`/calibrations/${sessionId}`, {}, signal), signedInPrincipal()]);
    const blind = view.session.evaluators.includes(me.user_name) && view.my_answers === null;
    return { view, report: blind ? null : await getJson<AgreementReport>(`/calibrations/${sessionId}/agreement`, {}, signal) };
  }, ({ view, report }) => {
    title.textContent = `Calibration: ${view.session.name}`;
    return report === null
      ? h('div', {}, [h('p', { class: 'hint' }, ['Score each call blind: the machine\'s and the other evaluators\' answers open once you submit.']), scoringForm(view, show)])
      : agreementView(report);
  });
  show();
  return h('section', { class: 'page', 'aria-labelledby': 'calibration-title' }, [h('a', { href: '#/calibrations' }, ['← All sessions']), title, body]);
}

function sessionList(sessions: readonly CalibrationSession[]): HTMLElement {
  if (sessions.length === 0) return emptyState('No calibration sessions', 'A supervisor starts one over the API (POST /api/v1/calibrations) with calls and evaluators.');
  return h('ul', { class: 'session-list' }, sessions.map((session) => h('li', { class: 'card' }, [
    h('a', { href: routeHref(`/calibrations/${session.session_id}`) }, [session.name]),
    h('p', { class: 'meta' }, [`${session.call_ids.length} calls × ${session.rule_ids.length} rules · submitted ${session.submitted.length} of ${session.evaluators.length}: ${session.evaluators.join(', ')}`]),
  ])));
}

export function calibrationPage(route: Route, signal: AbortSignal): HTMLElement {
  const sessionId = route.parts[1];
  if (sessionId) return sessionPage(sessionId, signal);
  const list = h('div', {});
  void loadInto(list, 'sessions', () => getJson<CalibrationSession[]>('/calibrations', {}, signal), sessionList);
  return h('section', { class: 'page', 'aria-labelledby': 'calibrations-title' }, [h('h1', { id: 'calibrations-title' }, ['Calibration sessions']), list]);
}
