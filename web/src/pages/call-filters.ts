/**
 * The call list's filter form. Filters live in the URL (#/calls?agent=…&q=…): applying them is
 * a navigation, so back, reload and a shared link show the same list.
 */
import { eventTypes, languages } from '../api-types.ts';
import { h } from '../dom.ts';
import { routeHref } from '../router.ts';

export const filterNames = ['agent', 'language', 'score_min', 'score_max', 'failed_rule', 'event_type', 'q'] as const;
export type CallFilterValues = Partial<Record<(typeof filterNames)[number], string>>;

export function filtersFromQuery(query: URLSearchParams): CallFilterValues {
  return Object.fromEntries(filterNames.flatMap((name) => (query.get(name) ? [[name, query.get(name)!]] : [])));
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, [h('span', {}, [label]), control]);
}

function select(name: string, value: string | undefined, options: readonly string[], anyLabel: string): HTMLSelectElement {
  return h('select', { name }, [
    h('option', { value: '' }, [anyLabel]),
    ...options.map((option) => h('option', { value: option, selected: option === value }, [option.replace('_', ' ')])),
  ]);
}

/** The form; its datalist #known-rules offers the rules seen failing in the list so far. */
export function callFilterForm(values: CallFilterValues): HTMLFormElement {
  const input = (name: keyof CallFilterValues, attributes: Record<string, string | number> = {}) =>
    h('input', { name, value: values[name] ?? '', ...attributes });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter calls' }, [
    field('Search transcript', input('q', { type: 'search', placeholder: 'words said in the call', maxlength: 200 })),
    field('Agent', input('agent', { placeholder: 'agent id', pattern: '[A-Za-z0-9_.@-]{1,64}' })),
    field('Language', select('language', values.language, languages, 'any')),
    field('Score from', input('score_min', { type: 'number', min: 0, max: 100, inputmode: 'numeric', class: 'narrow' })),
    field('to', input('score_max', { type: 'number', min: 0, max: 100, inputmode: 'numeric', class: 'narrow' })),
    field('Failed rule', input('failed_rule', { list: 'known-rules', placeholder: 'rule id' })),
    h('datalist', { id: 'known-rules' }),
    field('Event', select('event_type', values.event_type, eventTypes, 'any')),
    h('div', { class: 'filter-actions' }, [
      h('button', { type: 'submit' }, ['Apply']),
      h('a', { href: '#/calls', class: 'button secondary' }, ['Clear']),
    ]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    location.hash = routeHref('/calls', Object.fromEntries(filterNames.map((name) => [name, String(data.get(name) ?? '').trim()])));
  });
  return form;
}
