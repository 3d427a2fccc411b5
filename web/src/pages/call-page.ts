/**
 * One call: the waveform player on top, then the transcript beside the example tagger (for
 * trainers), events, sentiment, rule results with the override form, and the audit trail.
 * `?t=SECONDS` opens at a moment (links from the example library and coaching flags use it).
 */
import { getJson } from '../api-client.ts';
import type { CallDetail } from '../api-types.ts';
import { auditTrail } from '../call/audit-trail.ts';
import { eventsPanel } from '../call/events-panel.ts';
import { exampleCard } from '../call/example-form.ts';
import { createPlayer } from '../call/player.ts';
import { reviewForm } from '../call/review-form.ts';
import { rulesPanel } from '../call/rules-panel.ts';
import { sentimentChart } from '../call/sentiment-chart.ts';
import { transcriptPanel } from '../call/transcript.ts';
import { errorState, fill, h, loadInto } from '../dom.ts';
import { formatClock, formatDateTime, formatScore } from '../format.ts';
import type { Route } from '../router.ts';
import { scoreBand } from './call-list-page.ts';

function callHeader(detail: CallDetail): HTMLElement {
  const { call, effective } = detail;
  const facts: [string, string][] = [
    ['Agent', call.agent_id ?? '—'], ['Language', call.language ?? '—'],
    ['Length', call.duration_s === null ? '—' : formatClock(call.duration_s)], ['Analysed', formatDateTime(call.analysed_at)],
  ];
  return h('header', { class: 'call-header' }, [
    h('a', { href: '#/calls', class: 'back' }, ['← Calls']),
    h('h1', { id: 'call-title' }, [call.file_name]),
    h('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [h('dt', {}, [term]), h('dd', {}, [value])])),
    h('p', { class: `score big ${scoreBand(effective.score)}`, 'aria-label': `Score ${formatScore(effective.score)}` }, [formatScore(effective.score)]),
  ]);
}

export function callPage(callId: string, route: Route, signal: AbortSignal): HTMLElement {
  const page = h('article', { class: 'page call-page', 'aria-labelledby': 'call-title' });
  void loadInto(page, 'the call', () => getJson<CallDetail>(`/calls/${encodeURIComponent(callId)}`, {}, signal), (detail) => {
    const player = createPlayer(detail, signal);
    const startAt = Number(route.query.get('t'));
    if (startAt > 0) player.seek(startAt);
    const review = h('div', { class: 'review-slot' });
    const showReview = (current: CallDetail) => fill(review,
      h('section', { class: 'card rules', 'aria-labelledby': 'rules-title' }, [h('h2', { id: 'rules-title' }, ['Rule results']), reviewForm(current, reload), rulesPanel(current, player)]),
      h('section', { class: 'card audit', 'aria-labelledby': 'audit-title' }, [h('h2', { id: 'audit-title' }, ['Audit trail']), auditTrail(current.reviews)]),
    );
    // After an override only the review side is redrawn: playback and the waveform carry on.
    function reload(): void {
      getJson<CallDetail>(`/calls/${encodeURIComponent(callId)}`, {}, signal).then(showReview, (error: unknown) => fill(review, errorState(error, reload)));
    }
    showReview(detail);
    return h('div', {}, [
      callHeader(detail),
      player.element,
      h('div', { class: 'call-columns' }, [
        transcriptPanel(detail.result.utterances, player),
        h('div', { class: 'call-side' }, [exampleCard(detail, player, signal), eventsPanel(detail.result.events, player), sentimentChart(detail.result, player, 560), review]),
      ]),
    ]);
  });
  return page;
}
