/**
 * Agents' open disputes for a reviewer: each with the call, the disputed rule or score and the
 * agent's comment, and a form to uphold the result or change it (which records a review).
 */
import { getJson, postJson } from '../api-client.ts';
import { ruleStatuses, type AgentResponse } from '../api-types.ts';
import { emptyState, h, loadInto } from '../dom.ts';
import { formatDateTime } from '../format.ts';
import { routeHref, type Route } from '../router.ts';

function resolutionForm(dispute: AgentResponse, onDone: () => void): HTMLFormElement {
  const outcome = h('select', { name: 'outcome' }, [h('option', { value: 'upheld' }, ['uphold the result']), h('option', { value: 'changed' }, ['change it'])]);
  const newValue = dispute.rule_id === null
    ? h('input', { name: 'score', type: 'number', min: 0, max: 100, step: 1, class: 'narrow', 'aria-label': 'New score' })
    : h('select', { name: 'status', 'aria-label': 'New verdict' }, ruleStatuses.map((status) => h('option', { value: status }, [status])));
  const comment = h('textarea', { name: 'comment', required: true, rows: 2, placeholder: 'Why (the agent sees this)' });
  const message = h('p', { class: 'form-message', role: 'alert' });
  const form = h('form', { class: 'resolution-form' }, [
    h('label', { class: 'field' }, [h('span', {}, ['Outcome']), outcome]), h('label', { class: 'field' }, [h('span', {}, ['If changed']), newValue]),
    h('label', { class: 'field' }, [h('span', {}, ['Comment']), comment]), h('button', { type: 'submit' }, ['Resolve']), message,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const change = outcome.value === 'upheld' ? {} : dispute.rule_id === null ? { score: Number(newValue.value) } : { status: newValue.value };
    try {
      await postJson(`/disputes/${dispute.response_id}/resolution`, { outcome: outcome.value, comment: comment.value, ...change });
      onDone();
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    }
  });
  return form;
}

export function disputesPage(_route: Route, signal: AbortSignal): HTMLElement {
  const list = h('div', {});
  const load = () => void loadInto(list, 'open disputes', () => getJson<AgentResponse[]>('/agent-responses', { status: 'open' }, signal), (disputes) =>
    disputes.length === 0
      ? emptyState('No open disputes', 'Agents dispute a rule or the score of their calls; the disputes wait here for a reviewer.')
      : h('ul', { class: 'dispute-list' }, disputes.map((dispute) => h('li', { class: 'card dispute', 'data-response-id': dispute.response_id }, [
        h('strong', {}, [`${dispute.agent_id} disputes ${dispute.rule_id ?? 'the score'} · `, h('a', { href: routeHref(`/calls/${dispute.call_id}`) }, [`call ${dispute.call_id}`])]),
        h('p', {}, [dispute.comment ?? '']),
        h('p', { class: 'meta' }, [`${dispute.user_name} · ${formatDateTime(dispute.created_at)}`]),
        resolutionForm(dispute, load),
      ]))));
  load();
  return h('section', { class: 'page', 'aria-labelledby': 'disputes-title' }, [h('h1', { id: 'disputes-title' }, ['Disputes']), list]);
}
