/**
 * The call list's filter form. Filters live in the URL (#/calls?agent=…&q=…): applying them is
 * a navigation, so back, reload and a shared link show the same list.
 */
import { callDirections, contactChannels, eventTypes, languages } from '../api-types.ts';
import { h } from '../dom.ts';
import { routeHref } from '../router.ts';

export const filterNames = ['agent', 'queue', 'channel', 'direction', 'from', 'to', 'language', 'score_min', 'score_max', 'failed_rule', 'needs_review', 'event_type', 'q'] as const;
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

function dateInput(name: 'from' | 'to', value: string | undefined): HTMLInputElement {
  const day = value ? value.slice(0, 10) : '';
  const shown = name === 'to' && day ? dayStartIso(day, -1).slice(0, 10) : day;
  return h('input', { name, type: 'date', value: shown });
}

/** Midnight UTC of `day` (YYYY-MM-DD) moved by `offsetDays`, as the API's ISO 8601 timestamp. */
function dayStartIso(day: string, offsetDays: number): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString();
}

/** The form; its datalist #known-rules offers the rules seen failing in the list so far. */
export function callFilterForm(values: CallFilterValues): HTMLFormElement {
  const input = (name: keyof CallFilterValues, attributes: Record<string, string | number> = {}) =>
    h('input', { name, value: values[name] ?? '', ...attributes });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter calls' }, [
    field('Search transcript', input('q', { type: 'search', placeholder: 'words said in the call', maxlength: 200 })),
    field('Agent', input('agent', { placeholder: 'agent id', pattern: '[A-Za-z0-9_.@-]{1,64}' })),
    field('Queue', input('queue', { placeholder: 'queue', maxlength: 200 })),
    field('Channel', select('channel', values.channel, contactChannels, 'any')),
    field('Direction', select('direction', values.direction, callDirections, 'any')),
    field('From', dateInput('from', values.from)),
    field('until', dateInput('to', values.to)),
    field('Language', select('language', values.language, languages, 'any')),
    field('Score from', input('score_min', { type: 'number', min: 0, max: 100, inputmode: 'numeric', class: 'narrow' })),
    field('to', input('score_max', { type: 'number', min: 0, max: 100, inputmode: 'numeric', class: 'narrow' })),
    field('Failed rule', input('failed_rule', { list: 'known-rules', placeholder: 'rule id' })),
    h('datalist', { id: 'known-rules' }),
    field('Event', select('event_type', values.event_type, eventTypes, 'any')),
    field('Needs review', h('select', { name: 'needs_review' }, [
      h('option', { value: '' }, ['any']),
      h('option', { value: 'true', selected: values.needs_review === 'true' }, ['yes: an uncertain rule']),
      h('option', { value: 'false', selected: values.needs_review === 'false' }, ['no']),
    ])),
    h('div', { class: 'filter-actions' }, [
      h('button', { type: 'submit' }, ['Apply']),
      h('a', { href: '#/calls', class: 'button secondary' }, ['Clear']),
    ]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: (typeof filterNames)[number]) => {
      const text = String(data.get(name) ?? '').trim();
      // A day picked in the form is the whole day: from its start, until the start of the next.
      if (text && (name === 'from' || name === 'to')) return dayStartIso(text, name === 'to' ? 1 : 0);
      return text;
    };
    location.hash = routeHref('/calls', Object.fromEntries(filterNames.map((name) => [name, value(name)])));
  });
  return form;
}
