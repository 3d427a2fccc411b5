/**
 * Sampling policies: which calls go to whose review queue. Each policy is listed with its pick
 * in words and a button that runs it over a window of days; the form stores a new one.
 */
import { getJson, postJson } from '../api-client.ts';
import { languages, type SamplingPolicy } from '../api-types.ts';
import { emptyState, h, loadInto } from '../dom.ts';
import type { Route } from '../router.ts';

const dayMs = 86_400_000;

function pickText(policy: SamplingPolicy): string {
  const { pick, period } = policy;
  const how = pick.kind === 'all' ? 'every matching call' : pick.kind === 'count' ? `${pick.per_agent} per agent per ${period}` : `${pick.per_agent}% per agent per ${period}`;
  const filters = Object.entries(policy.filters).map(([name, value]) => `${name} ${String(value)}`).join(', ');
  return `${how}${filters ? ` · ${filters}` : ''} · for ${policy.assignee} · seed ${policy.seed}`;
}

function runButton(policy: SamplingPolicy): HTMLElement {
  const days = h('input', { type: 'number', name: 'days', min: 1, max: 366, value: 7, class: 'narrow', 'aria-label': 'Days back' });
  const status = h('span', { class: 'run-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'secondary small run-policy' }, ['Run over the last days']);
  button.addEventListener('click', async () => {
    const to = Date.now();
    try {
      const run = await postJson<{ items: unknown[]; calls_matched: number }>(`/sampling-policies/${policy.policy_id}/runs`,
        { from: new Date(to - Number(days.value) * dayMs).toISOString(), to: new Date(to).toISOString() });
      status.textContent = `${run.items.length} calls queued of ${run.calls_matched} matching.`;
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  });
  return h('span', { class: 'run' }, [days, button, status]);
}

function policyForm(onCreated: () => void): HTMLFormElement {
  const field = (label: string, control: HTMLElement) => h('label', { class: 'field' }, [h('span', {}, [label]), control]);
  const name = h('input', { name: 'name', required: true });
  const assignee = h('input', { name: 'assignee', required: true, placeholder: 'user name' });
  const kind = h('select', { name: 'kind' }, [['count', 'N per agent'], ['percent', '% per agent'], ['all', 'every matching call']].map(([value, text]) => h('option', { value }, [text!])));
  const amount = h('input', { name: 'per_agent', type: 'number', min: 0, step: 'any', value: 2, class: 'narrow' });
  const period = h('select', { name: 'period' }, ['day', 'week', 'month'].map((value) => h('option', { value, selected: value === 'week' }, [value])));
  const language = h('select', { name: 'language' }, ['', ...languages].map((value) => h('option', { value }, [value || 'any'])));
  const critical = h('input', { type: 'checkbox', name: 'critical_failure' });
  const seed = h('input', { name: 'seed', type: 'number', min: 0, class: 'narrow', placeholder: 'random' });
  const message = h('p', { class: 'form-message', role: 'alert' });
  const form = h('form', { class: 'filters policy-form', 'aria-label': 'New sampling policy' }, [
    field('Name', name), field('Queue of', assignee), field('Pick', kind), field('How many', amount), field('Per', period), field('Language', language),
    field('Critical failure only', critical), field('Seed', seed), h('div', { class: 'filter-actions' }, [h('button', { type: 'submit' }, ['Create policy'])]), message,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const filters = { ...(language.value ? { language: language.value } : {}), ...(critical.checked ? { critical_failure: true } : {}) };
    const pick = kind.value === 'all' ? { kind: 'all' } : { kind: kind.value, per_agent: Number(amount.value) };
    try {
      await postJson('/sampling-policies', { name: name.value, assignee: assignee.value, pick, period: period.value, filters, ...(seed.value ? { seed: Number(seed.value) } : {}) });
      onCreated();
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    }
  });
  return form;
}

export function samplingPage(_route: Route, signal: AbortSignal): HTMLElement {
  const list = h('div', {});
  const load = () => void loadInto(list, 'policies', () => getJson<SamplingPolicy[]>('/sampling-policies', {}, signal), (policies) =>
    policies.length === 0
      ? emptyState('No sampling policies', 'Create one above: it picks calls for a QA specialist\'s queue each time it runs.')
      : h('ul', { class: 'policy-list' }, policies.map((policy) => h('li', { class: 'card policy', 'data-policy-id': policy.policy_id }, [
        h('strong', {}, [policy.name]), h('p', { class: 'meta' }, [pickText(policy)]), runButton(policy),
      ]))));
  load();
  return h('section', { class: 'page', 'aria-labelledby': 'sampling-title' }, [h('h1', { id: 'sampling-title' }, ['Sampling policies']), policyForm(load), list]);
}
