/**
 * A chat or e-mail conversation in place of the waveform and transcript: its messages in order,
 * each with who wrote it, when, and how long the customer had waited for it. It acts as the
 * page's player, so evidence and events "seek" to the message sent at that moment.
 */
import type { CallDetail, Utterance } from '../api-types.ts';
import { h } from '../dom.ts';
import { formatWallClock } from '../format.ts';
import type { Player } from './player.ts';

const partyLabels: Readonly<Record<Utterance['party'], string>> = { agent: 'Agent', customer: 'Customer', unknown: 'Unknown' };

/** A gap between messages, or a message's time after the first one, in the unit that reads (s, min, h, d). */
export function formatWait(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return seconds < 172_800 ? `${(seconds / 3600).toFixed(1)} h` : `${(seconds / 86_400).toFixed(1)} d`;
}

export function createMessageThread(detail: CallDetail): Player {
  const { utterances, channel } = detail.result;
  const listeners: ((seconds: number) => void)[] = [];
  let waitingSinceS: number | null = null;
  const items = utterances.map((message) => {
    // The agent's reply says how long the customer's unanswered messages had waited for it.
    const waitedS = message.party === 'agent' && waitingSinceS !== null ? message.start - waitingSinceS : null;
    if (message.party === 'customer') waitingSinceS ??= message.start;
    else if (message.party === 'agent') waitingSinceS = null;
    return h('li', { class: `message party-${message.party}`, 'data-start': message.start }, [
      h('p', { class: 'message-meta' }, [
        h('span', { class: 'party' }, [partyLabels[message.party]]), ' · ',
        h('time', message.sent_at ? { datetime: message.sent_at } : {}, [message.sent_at ? formatWallClock(message.sent_at) : `+${formatWait(message.start)}`]),
        waitedS === null ? null : h('span', { class: 'message-wait', title: 'How long the customer waited for this reply' }, [` · reply after ${formatWait(waitedS)}`]),
      ]),
      h('p', { class: 'message-text' }, [message.text]),
    ]);
  });
  const list = h('ol', { class: 'messages' }, items);
  const title = channel === 'email' ? 'E-mail thread' : 'Chat';
  const element = h('section', { class: 'card thread', 'aria-labelledby': 'thread-title' }, [h('h2', { id: 'thread-title' }, [`${title} (${utterances.length} messages)`]), list]);
  let active: HTMLElement | undefined;
  return {
    element,
    seek(seconds) {
      // The message sent at that moment, else the last one before it.
      const index = utterances.findLastIndex((message) => message.start <= seconds + 1e-6);
      const item = items[Math.max(index, 0)];
      active?.classList.remove('active');
      active?.removeAttribute('aria-current');
      if (item) {
        item.classList.add('active');
        item.setAttribute('aria-current', 'true');
        item.scrollIntoView?.({ block: 'nearest' });
        active = item;
      }
      for (const listener of listeners) listener(seconds);
    },
    onTimeUpdate(listener) {
      listeners.push(listener);
    },
  };
}
