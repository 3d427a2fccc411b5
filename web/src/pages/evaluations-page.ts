/**
 * An agent's own evaluations: each of their calls with its verdicts and the evidence behind
 * them, a button to acknowledge it and a form to dispute a rule or the score (while the
 * window is open; the server says when it closed), and their responses with the outcomes.
 */
import { getJson, postJson } from '../api-client.ts';
import type { AgentResponse, CallDetail, CallPage, CallSummary } from '../api-types.ts';
import { emptyState, h, loadInto } from '../dom.ts';
import { formatDateTime, formatScore, formatSpan } from '../format.ts';
import type { Route } from '../router.ts';

const statusWords: Readonly<Record<AgentResponse['status'], string>> = {
  acknowledged: 'acknowledged', open: 'disputed, awaiting a reviewer', upheld: 'dispute upheld: the result stands', changed: 'dispute accepted: the result was changed',
};

function responseList(responses: readonly AgentResponse[]): HTMLElement {
  if (responses.length === 0) return emptyState('No responses yet', 'Acknowledge or dispute an evaluation below.');
  return h('ul', { class: 'responses' }, responses.map((response) => h('li', { class: `card response response-${response.status}`, 'data-response-id': response.response_id }, [
    h('strong', {}, [`${response.kind === 'dispute' ? `Dispute of ${response.rule_id ?? 'the score'}` : 'Acknowledgement'} · call ${response.call_id}`]),
    h('p', { class: 'response-status' }, [statusWords[response.status]]),
    response.comment ? h('p', {}, [`You wrote: ${response.comment}`]) : null,
    response.resolution_comment ? h('p', { class: 'resolution' }, [`${response.resolved_by}: ${response.resolution_comment}`]) : null,
    h('p', { class: 'meta' }, [formatDateTime(response.created_at)]),
  ])));
}

function respondForms(detail: CallDetail, onDone: () => void): HTMLElement {
  const callUrl = `/calls/${detail.call.call_id}`;
  const message = h('p', { class: 'form-message', role: 'alert' });
  const send = async (path: string, body: object) => {
    try {
      await postJson(path, body);
      onDone();
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  const target = h('select', { name: 'target' }, [h('option', { value: '' }, ['the score']), ...detail.effective.rules.map((rule) => h('option', { value: rule.rule_id }, [rule.rule_id]))]);
  const comment = h('textarea', { name: 'comment', required: true, rows: 2, placeholder: 'What the evaluation missed' });
  const dispute = h('form', { class: 'dispute-form' }, [
    h('label', { class: 'field' }, [h('span', {}, ['Dispute']), target]), h('label', { class: 'field' }, [h('span', {}, ['Comment']), comment]),
    h('button', { type: 'submit' }, ['Send dispute']),
  ]);
  dispute.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(`${callUrl}/disputes`, { comment: comment.value, ...(target.value ? { rule_id: target.value } : {}) });
  });
  return h('div', { class: 'respond' }, [
    h('button', { type: 'button', class: 'secondary acknowledge', onclick: () => void send(`${callUrl}/acknowledgement`, {}) }, ['Acknowledge']),
    dispute, message,
  ]);
}

function evaluationView(detail: CallDetail, onDone: () => void): HTMLElement {
  const evidenceOf = new Map(detail.result.rules.map((rule) => [rule.id, rule.evidence]));
  return h('div', { class: 'evaluation' }, [
    h('ul', { class: 'rule-list' }, detail.effective.rules.map((rule) => h('li', { class: 'rule', 'data-rule-id': rule.rule_id }, [
      h('div', { class: 'rule-head' }, [h('span', { class: `status status-${rule.status === 'n/a' ? 'na' : rule.status}` }, [rule.status]), h('strong', {}, [rule.rule_id]),
        rule.review_id ? h('span', { class: 'badge' }, ['reviewed']) : null]),
      h('ul', { class: 'evidence' }, (evidenceOf.get(rule.rule_id) ?? []).map((span) => h('li', {}, [`${formatSpan(span.start, span.end)} ${span.party}: ${span.text || '(no words)'}`]))),
    ]))),
    respondForms(detail, onDone),
  ]);
}

function callCard(call: CallSummary, signal: AbortSignal, onDone: () => void): HTMLElement {
  const slot = h('div', {});
  const open = h('button', { type: 'button', class: 'secondary small open-evaluation' }, ['Show evaluation']);
  open.addEventListener('click', () => void loadInto(slot, 'the evaluation', () => getJson<CallDetail>(`/calls/${call.call_id}`, {}, signal), (detail) => evaluationView(detail, onDone)));
  return h('li', { class: 'card evaluation-call', 'data-call-id': call.call_id }, [
    h('div', { class: 'rule-head' }, [h('strong', {}, [call.file_name]), h('span', { class: 'score' }, [formatScore(call.score)]), open]),
    h('p', { class: 'meta' }, [`${call.started_at ?? call.first_analysed_at} · failed: ${call.failed_rules.join(', ') || 'none'}`]),
    slot,
  ]);
}

export function evaluationsPage(_route: Route, signal: AbortSignal): HTMLElement {
  const responses = h('div', {});
  const calls = h('div', {});
  const loadResponses = () => void loadInto(responses, 'your responses', () => getJson<AgentResponse[]>('/agent-responses', {}, signal), responseList);
  loadResponses();
  void loadInto(calls, 'your calls', () => getJson<CallPage>('/calls', { limit: 50 }, signal), (page) =>
    page.items.length === 0 ? emptyState('No calls yet', 'Your calls appear here once they are analysed.') : h('ul', { class: 'evaluation-list' }, page.items.map((call) => callCard(call, signal, loadResponses))));
  return h('section', { class: 'page', 'aria-labelledby': 'evaluations-title' }, [
    h('h1', { id: 'evaluations-title' }, ['My evaluations']), h('h2', {}, ['My responses']), responses, h('h2', {}, ['My calls']), calls,
  ]);
}
