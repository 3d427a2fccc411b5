/** The call list: filters, a table of matching calls (50 at a time) and "show more". */
import { getJson } from '../api-client.ts';
import type { CallPage, CallSummary, ContactChannel } from '../api-types.ts';
import { emptyState, errorState, fill, h, loadingState } from '../dom.ts';
import { formatClock, formatDateTime, formatScore, formatWallClock } from '../format.ts';
import type { Route } from '../router.ts';
import { callFilterForm, filtersFromQuery } from './call-filters.ts';
import { utteranceHitsPanel } from './utterance-hits.ts';

const pageSize = 50;

/** A glyph per channel, with its name for screen readers and as a tooltip. */
const channelIcons: Readonly<Record<ContactChannel, { glyph: string; label: string }>> = {
  voice: { glyph: '☎', label: 'Recorded call' },
  chat: { glyph: '💬', label: 'Chat conversation' },
  email: { glyph: '✉', label: 'E-mail conversation' },
};

export function channelIcon(channel: ContactChannel): HTMLElement {
  const { glyph, label } = channelIcons[channel];
  return h('span', { class: `channel channel-${channel}`, title: label, role: 'img', 'aria-label': label }, [glyph]);
}

/** A call's length as a clock; a conversation's span (minutes to days) in its own unit. */
export function formatLength(call: Pick<CallSummary, 'channel' | 'duration_s'>): string {
  if (call.duration_s === null) return '—';
  if (call.channel === 'voice' || call.duration_s < 3600) return formatClock(call.duration_s);
  return call.duration_s < 172_800 ? `${(call.duration_s / 3600).toFixed(1)} h` : `${(call.duration_s / 86_400).toFixed(1)} d`;
}

function callRow(call: CallSummary): HTMLElement {
  const failed = call.failed_rules;
  return h('tr', {}, [
    h('td', {}, [channelIcon(call.channel), ' ', h('a', { href: `#/calls/${call.call_id}` }, [call.file_name])]),
    h('td', {}, [call.agent_id ?? '—']),
    h('td', {}, [call.queue ?? '—']),
    h('td', {}, [call.language ?? '—']),
    h('td', { class: 'number' }, [formatLength(call)]),
    h('td', { class: 'number' }, [
      h('span', { class: `score ${scoreBand(call.score)}` }, [formatScore(call.score)]),
      call.score_overridden ? h('span', { class: 'badge', title: 'Overridden by a reviewer' }, ['reviewed']) : null,
      call.needs_review ? h('span', { class: 'badge needs-review', title: `Uncertain, for a reviewer to decide: ${call.uncertain_rules.join(', ')}` }, ['review']) : null,
    ]),
    h('td', { class: 'failed-rules', title: failed.join(', ') }, [failed.length === 0 ? '—' : `${failed.slice(0, 3).join(', ')}${failed.length > 3 ? ` +${failed.length - 3}` : ''}`]),
    h('td', { title: call.started_at ? 'When the call took place' : 'No start time known: when it was first analysed' }, [
      call.started_at ? formatWallClock(call.started_at) : formatDateTime(call.first_analysed_at),
    ]),
  ]);
}

export function scoreBand(score: number | null): string {
  if (score === null) return 'score-none';
  return score >= 80 ? 'score-good' : score >= 50 ? 'score-fair' : 'score-poor';
}

export function callListPage(route: Route, signal: AbortSignal): HTMLElement {
  const filters = filtersFromQuery(route.query);
  const form = callFilterForm(filters);
  const knownRules = form.querySelector('datalist')!;
  const body = h('tbody');
  const status = h('p', { class: 'list-status', 'aria-live': 'polite' });
  const more = h('div', { class: 'list-more' });
  const table = h('table', { class: 'calls' }, [
    h('caption', { class: 'visually-hidden' }, ['Calls matching the filters']),
    h('thead', {}, [h('tr', {}, ['Contact', 'Agent', 'Queue', 'Lang.', 'Length', 'Score', 'Failed rules', 'Date'].map((title) => h('th', { scope: 'col' }, [title])))]),
    body,
  ]);
  const results = h('div', { class: 'results' }, [loadingState('calls')]);
  const seenRules = new Set<string>();

  async function loadPage(cursor: string | undefined): Promise<void> {
    const page = await getJson<CallPage>('/calls', { ...filters, limit: pageSize, cursor }, signal);
    body.append(...page.items.map(callRow));
    for (const call of page.items) for (const rule of call.failed_rules) seenRules.add(rule);
    fill(knownRules, ...[...seenRules].sort().map((rule) => h('option', { value: rule })));
    status.textContent = `${body.rows.length} call${body.rows.length === 1 ? '' : 's'} shown${page.next_cursor ? ', more available' : ''}`;
    fill(more, ...(page.next_cursor ? [showMoreButton(page.next_cursor)] : []));
    if (body.rows.length === 0) fill(results, emptyState('No calls match', 'Loosen the filters, or analyse recordings with `callqa analyze`.'));
    else if (!table.isConnected) fill(results, status, table, more);
  }

  function showMoreButton(cursor: string): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'secondary' }, ['Show more']);
    button.addEventListener('click', () => {
      button.disabled = true;
      loadPage(cursor).catch((error: unknown) => fill(more, errorState(error, () => fill(more, showMoreButton(cursor)))));
    });
    return button;
  }

  loadPage(undefined).catch((error: unknown) => {
    if (!signal.aborted) fill(results, errorState(error, () => location.reload()));
  });
  const hits = filters.q ? utteranceHitsPanel(filters.q, filters.language, signal) : null;
  return h('section', { class: 'page', 'aria-labelledby': 'calls-title' }, [h('h1', { id: 'calls-title' }, ['Calls']), form, hits, results]);
}
