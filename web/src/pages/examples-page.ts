/**
 * The trainers' example library: tagged moments of calls, good or bad, by guidance point, with
 * their transcript lines and a link that opens the call at the moment.
 */
import { getJson } from '../api-client.ts';
import type { Example } from '../api-types.ts';
import { emptyState, h, loadInto } from '../dom.ts';
import { formatDateTime, formatSpan } from '../format.ts';
import { routeHref, type Route } from '../router.ts';

const guidanceRefs = Array.from({ length: 14 }, (_, index) => `G${index + 1}`);

function filterForm(label: string, guidanceRef: string): HTMLFormElement {
  const labelSelect = h('select', { name: 'label' }, ['', 'good', 'bad'].map((value) => h('option', { value, selected: value === label }, [value || 'good and bad'])));
  const refSelect = h('select', { name: 'guidance_ref' }, ['', ...guidanceRefs].map((value) => h('option', { value, selected: value === guidanceRef }, [value || 'every guidance point'])));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter examples' }, [
    h('label', { class: 'field' }, [h('span', {}, ['Label']), labelSelect]),
    h('label', { class: 'field' }, [h('span', {}, ['Guidance']), refSelect]),
    h('div', { class: 'filter-actions' }, [h('button', { type: 'submit' }, ['Apply'])]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = routeHref('/examples', { label: labelSelect.value, guidance_ref: refSelect.value });
  });
  return form;
}

function exampleCard(example: Example): HTMLElement {
  return h('li', { class: `card example example-${example.label}` }, [
    h('div', { class: 'example-head' }, [
      h('span', { class: `status status-${example.label === 'good' ? 'pass' : 'fail'}` }, [example.label]),
      h('strong', {}, [example.guidance_ref]),
      h('a', { href: routeHref(`/calls/${example.call_id}`, { t: String(example.start_s) }) }, [`Call ${example.call_id} at ${formatSpan(example.start_s, example.end_s)}`]),
    ]),
    h('p', {}, [example.note]),
    h('ol', { class: 'example-transcript' }, example.transcript.map((line) => h('li', {}, [h('span', { class: 'party' }, [line.party]), ' ', line.text]))),
    h('p', { class: 'meta' }, [`${example.created_by} · ${formatDateTime(example.created_at)}`]),
  ]);
}

export function examplesPage(route: Route, signal: AbortSignal): HTMLElement {
  const label = route.query.get('label') ?? '';
  const guidanceRef = route.query.get('guidance_ref') ?? '';
  const results = h('div', {});
  void loadInto(results, 'examples', () => getJson<Example[]>('/examples', { label, guidance_ref: guidanceRef }, signal), (examples) =>
    examples.length === 0
      ? emptyState('No examples yet', 'Trainers tag good and bad moments of calls (POST /api/v1/calls/ID/examples); they appear here.')
      : h('ul', { class: 'example-list' }, examples.map(exampleCard)));
  return h('section', { class: 'page', 'aria-labelledby': 'examples-title' }, [h('h1', { id: 'examples-title' }, ['Example library']), filterForm(label, guidanceRef), results]);
}
