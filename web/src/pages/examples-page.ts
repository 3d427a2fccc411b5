/**
 * The trainers' example library: tagged moments of calls, good or bad, by guidance point, with
 * their transcript lines, a link that opens the call at the moment, and the clip to download.
 */
import { getBlob, getJson } from '../api-client.ts';
import type { Example } from '../api-types.ts';
import { guidanceLabel, guidancePoints } from '../call/guidance-points.ts';
import { emptyState, h, loadInto } from '../dom.ts';
import { formatDateTime, formatSpan } from '../format.ts';
import { routeHref, type Route } from '../router.ts';

/** A revoked blob: URL can cancel a download Chromium has not started yet, so it lives a while. */
const clipUrlLifetimeMs = 60_000;

function filterForm(label: string, guidanceRef: string): HTMLFormElement {
  const labelSelect = h('select', { name: 'label' }, ['', 'good', 'bad'].map((value) => h('option', { value, selected: value === label }, [value || 'good and bad'])));
  const refSelect = h('select', { name: 'guidance_ref' }, ['', ...guidancePoints.map((point) => point.ref)].map((value) => h('option', { value, selected: value === guidanceRef }, [value ? guidanceLabel(value) : 'every guidance point'])));
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

/**
 * The clip needs the token, which a plain link cannot send: it is fetched with the header and
 * handed to the browser as a blob: URL on a temporary download link.
 */
function downloadClipButton(example: Example): HTMLElement {
  const status = h('span', { class: 'clip-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'secondary small download-clip' }, ['Download clip']);
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.className = 'clip-status';
    status.textContent = 'Cutting the clip…';
    try {
      const url = URL.createObjectURL(await getBlob(`/examples/${example.example_id}/clip`));
      h('a', { href: url, download: `example-${example.guidance_ref}-${example.label}-${example.call_id}.zip` }).click();
      setTimeout(() => URL.revokeObjectURL(url), clipUrlLifetimeMs);
      status.textContent = 'Downloaded.';
    } catch (error) {
      status.className = 'clip-status is-error';
      status.textContent = `No clip: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'clip' }, [button, status]);
}

function exampleCard(example: Example): HTMLElement {
  return h('li', { class: `card example example-${example.label}` }, [
    h('div', { class: 'example-head' }, [
      h('span', { class: `status status-${example.label === 'good' ? 'pass' : 'fail'}` }, [example.label]),
      h('strong', {}, [guidanceLabel(example.guidance_ref)]),
      h('a', { href: routeHref(`/calls/${example.call_id}`, { t: String(example.start_s) }) }, [`Call ${example.call_id} at ${formatSpan(example.start_s, example.end_s)}`]),
    ]),
    h('p', {}, [example.note]),
    h('ol', { class: 'example-transcript' }, example.transcript.map((line) => h('li', {}, [h('span', { class: 'party' }, [line.party]), ' ', line.text]))),
    h('div', { class: 'example-foot' }, [h('p', { class: 'meta' }, [`${example.created_by} · ${formatDateTime(example.created_at)}`]), downloadClipButton(example)]),
  ]);
}

export function examplesPage(route: Route, signal: AbortSignal): HTMLElement {
  const label = route.query.get('label') ?? '';
  const guidanceRef = route.query.get('guidance_ref') ?? '';
  const results = h('div', {});
  void loadInto(results, 'examples', () => getJson<Example[]>('/examples', { label, guidance_ref: guidanceRef }, signal), (examples) =>
    examples.length === 0
      ? emptyState('No examples yet', 'Trainers tag good and bad moments on a call\'s page (Tag an example); they appear here.')
      : h('ul', { class: 'example-list' }, examples.map(exampleCard)));
  return h('section', { class: 'page', 'aria-labelledby': 'examples-title' }, [h('h1', { id: 'examples-title' }, ['Example library']), filterForm(label, guidanceRef), results]);
}
