/**
 * One call (or chat or e-mail conversation: its message thread in place of the waveform and
 * transcript, no example clips): the waveform player on top, then the transcript beside the example tagger (for
 * trainers), events, conversation metrics, sentiment, rule results with the override form, and the audit trail.
 * `?t=SECONDS` opens at a moment (links from the example library and coaching flags use it).
 */
import { getJson } from '../api-client.ts';
import type { CallDetail } from '../api-types.ts';
import { auditTrail } from '../call/audit-trail.ts';
import { eventsPanel } from '../call/events-panel.ts';
import { exampleCard } from '../call/example-form.ts';
import { metricsPanel } from '../call/metrics-panel.ts';
import { createMessageThread } from '../call/message-thread.ts';
import { createPlayer } from '../call/player.ts';
import { reviewForm } from '../call/review-form.ts';
import { rulesPanel } from '../call/rules-panel.ts';
import { sentimentChart } from '../call/sentiment-chart.ts';
import { transcriptPanel } from '../call/transcript.ts';
import { errorState, fill, h, loadInto } from '../dom.ts';
import { formatDateTime, formatScore, formatWallClock } from '../format.ts';
import type { Route } from '../router.ts';
import { roleSets } from '../../../api/roles.ts';
import { signedInPrincipal } from '../principal.ts';
import { channelIcon, formatLength, scoreBand } from './call-list-page.ts';

/** Where a fact came from, as a tooltip on its value says it. */
const sourceNames: Readonly<Record<string, string>> = {
  request: 'the upload', sidecar: 'the metadata file', 'file-name': 'the file name', tags: 'the recording\'s tags', cdr: 'the call-detail records',
};

function callHeader(detail: CallDetail): HTMLElement {
  const { call, effective } = detail;
  const sources = detail.result.metadata?.sources ?? {};
  const custom = Object.entries(detail.result.metadata?.custom ?? {}).map(([name, value]): [string, string, string] => [name, value, `custom.${name}`]);
  const facts: [string, string, string?][] = [
    ['Agent', call.agent_id ?? '—', 'agent_id'], ['Took place', call.started_at ? formatWallClock(call.started_at) : '—', 'started_at'],
    ['Queue', call.queue ?? '—', 'queue'], ['Direction', call.direction ?? '—', 'direction'],
    ['Customer', detail.result.metadata?.customer_ref ?? '—', 'customer_ref'], ...custom, ['Language', call.language ?? '—'],
    ['Channel', call.channel], ['Length', formatLength(call)], ['Analysed', formatDateTime(call.analysed_at)],
  ];
  const describe = (field: string | undefined) => (field && sources[field] ? `from ${sourceNames[sources[field]]}` : undefined);
  return h('header', { class: 'call-header' }, [
    h('a', { href: '#/calls', class: 'back' }, ['← Calls']),
    h('h1', { id: 'call-title' }, [channelIcon(call.channel), ' ', call.file_name]),
    h('dl', { class: 'facts' }, facts.flatMap(([term, value, field]) => [
      h('dt', {}, [term]), h('dd', describe(field) ? { title: describe(field)! } : {}, [value]),
    ])),
    h('p', { class: `score big ${scoreBand(effective.score)}`, 'aria-label': `Score ${formatScore(effective.score)}` }, [formatScore(effective.score)]),
  ]);
}

export function callPage(callId: string, route: Route, signal: AbortSignal): HTMLElement {
  const page = h('article', { class: 'page call-page', 'aria-labelledby': 'call-title' });
  const load = () => Promise.all([
    getJson<CallDetail>(`/calls/${encodeURIComponent(callId)}`, {}, signal),
    // Unknown role: the form is shown and the API decides.
    signedInPrincipal().then((me) => roleSets.reviewers.some((role) => role === me.role), () => true),
  ]);
  void loadInto(page, 'the call', load, ([detail, mayReview]) => {
    // A conversation has no audio: its message thread stands in for the waveform and the transcript.
    const written = detail.call.channel !== 'voice';
    const player = written ? createMessageThread(detail) : createPlayer(detail, signal);
    const startAt = Number(route.query.get('t'));
    if (startAt > 0) player.seek(startAt);
    const review = h('div', { class: 'review-slot' });
    const showReview = (current: CallDetail) => fill(review,
      h('section', { class: 'card rules', 'aria-labelledby': 'rules-title' }, [h('h2', { id: 'rules-title' }, ['Rule results']), mayReview ? reviewForm(current, reload) : null, rulesPanel(current, player)]),
      h('section', { class: 'card audit', 'aria-labelledby': 'audit-title' }, [h('h2', { id: 'audit-title' }, ['Audit trail']), auditTrail(current.reviews)]),
    );
    // After an override only the review side is redrawn: playback and the waveform carry on.
    function reload(): void {
      getJson<CallDetail>(`/calls/${encodeURIComponent(callId)}`, {}, signal).then(showReview, (error: unknown) => fill(review, errorState(error, reload)));
    }
    showReview(detail);
    return h('div', {}, [
      callHeader(detail),
      written ? null : player.element,
      h('div', { class: 'call-columns' }, [
        written ? player.element : transcriptPanel(detail.result.utterances, player),
        h('div', { class: 'call-side' }, [written ? null : exampleCard(detail, player, signal), eventsPanel(detail.result.events, player), metricsPanel(detail.result, player, 560), sentimentChart(detail.result, player, 560), review]),
      ]),
    ]);
  });
  return page;
}
