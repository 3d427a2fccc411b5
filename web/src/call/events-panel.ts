/** The call's events (holds, dead air, interruptions …), each a button that jumps to its moment. */
import type { CallEvent } from '../api-types.ts';
import { emptyState, h } from '../dom.ts';
import { formatSpan } from '../format.ts';
import { eventColours, eventLabels } from './event-colours.ts';
import type { Player } from './player.ts';

function eventDetails(event: CallEvent): string {
  switch (event.type) {
    case 'interruption': return `by the ${event.by}, ${event.overlap_s.toFixed(1)} s overlap`;
    case 'backchannel': return `by the ${event.by}`;
    case 'hold': return [event.kind, event.consented === false ? 'no consent asked' : event.consented ? 'consented' : null, event.thanked_after === false ? 'no thanks after' : null].filter(Boolean).join(', ');
    case 'transfer': return event.target_named === false ? 'target not named' : '';
    case 'dead_air': return '';
  }
}

export function eventsPanel(events: readonly CallEvent[], player: Player): HTMLElement {
  const sorted = [...events].sort((left, right) => left.start - right.start);
  return h('section', { class: 'card events', 'aria-labelledby': 'events-title' }, [
    h('h2', { id: 'events-title' }, ['Events']),
    sorted.length === 0 ? emptyState('No events', 'No holds, dead air or interruptions were found.') : h('ul', { class: 'event-list' }, sorted.map((event) =>
      h('li', {}, [h('button', { type: 'button', class: 'event', 'data-event-type': event.type, 'data-start': event.start, onclick: () => player.seek(event.start) }, [
        h('span', { class: 'swatch', style: `background:${eventColours[event.type]}` }),
        h('strong', {}, [eventLabels[event.type]]), ' ', h('span', { class: 'time' }, [formatSpan(event.start, event.end)]),
        h('span', { class: 'details' }, [eventDetails(event)]),
      ])]))),
  ]);
}
