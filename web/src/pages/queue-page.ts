/**
 * A QA specialist's queue: the calls sampling policies picked for them to review, each saying
 * how it was selected (policy, pick, seed, its rank among the agent's calls in the period).
 * Reviewing a call from here completes its item.
 */
import { getJson } from '../api-client.ts';
import type { QueueItem } from '../api-types.ts';
import { emptyState, h, loadInto } from '../dom.ts';
import { formatDate, formatScore } from '../format.ts';
import { routeHref, type Route } from '../router.ts';

/** How the call came to be in the queue, in words. */
export function selectionText(selection: QueueItem['selection']): string {
  return `${selection.policy_name}: ${selection.rule} — #${selection.rank} of ${selection.of} for ${selection.agent_id ?? 'no agent'} in the ${formatDate(selection.period_start)} period (seed ${selection.seed})`;
}

function queueTable(items: readonly QueueItem[]): HTMLElement {
  return h('table', { class: 'queue' }, [
    h('thead', {}, [h('tr', {}, ['Call', 'Agent', 'Language', 'Score', 'Status', 'Selected by'].map((title) => h('th', { scope: 'col' }, [title])))]),
    h('tbody', {}, items.map((item) => h('tr', { 'data-call-id': item.call_id }, [
      h('th', { scope: 'row' }, [h('a', { href: routeHref(`/calls/${item.call_id}`) }, [item.file_name])]),
      h('td', {}, [item.agent_id ?? '—']), h('td', {}, [item.language ?? '—']), h('td', { class: 'number' }, [formatScore(item.score)]),
      h('td', {}, [h('span', { class: `status status-${item.status === 'done' ? 'pass' : 'na'}` }, [item.status])]),
      h('td', { class: 'selection' }, [selectionText(item.selection)]),
    ]))),
  ]);
}

export function queuePage(route: Route, signal: AbortSignal): HTMLElement {
  const status = route.query.get('status') ?? 'open';
  const results = h('div', {});
  void loadInto(results, 'your queue', () => getJson<QueueItem[]>('/review-queue', { status }, signal), (items) =>
    items.length === 0
      ? emptyState('Nothing to review', 'Sampling policies put calls here; a run of a policy that names you fills it.')
      : queueTable(items));
  const tabs = h('p', { class: 'tabs' }, ['open', 'done', 'all'].map((value) =>
    h('a', { href: routeHref('/queue', { status: value }), 'aria-current': value === status ? 'page' : null, class: 'tab' }, [value])));
  return h('section', { class: 'page', 'aria-labelledby': 'queue-title' }, [h('h1', { id: 'queue-title' }, ['My queue']), tabs, results]);
}
