/**
 * Rule results after reviews: the status a reviewer set wins, with the machine's beside it.
 * Evidence items jump to their moment; uncertain rules come first (they wait for a reviewer's
 * verdict, with the reason the machine could not decide), then failures.
 */
import type { CallDetail, RuleResult, RuleStatus } from '../api-types.ts';
import { emptyState, h } from '../dom.ts';
import { formatSpan } from '../format.ts';
import { formatWait } from './message-thread.ts';
import type { Player } from './player.ts';

const statusOrder: Readonly<Record<RuleStatus, number>> = { uncertain: 0, fail: 1, pass: 2, 'n/a': 3 };

export function statusBadge(status: RuleStatus): HTMLElement {
  return h('span', { class: `status status-${status.replace('/', '')}` }, [status]);
}

type EvidenceItem = RuleResult['evidence'][number];

/** A call's evidence is a span of its recording; a conversation's, its messages' times after the first. */
const conversationSpan = ({ start, end }: EvidenceItem) => (end > start ? `+${formatWait(start)} → +${formatWait(end)}` : `+${formatWait(start)}`);

function evidenceList(rule: RuleResult | undefined, player: Player, spanOf: (item: EvidenceItem) => string): HTMLElement | null {
  if (!rule?.evidence.length) return null;
  return h('ul', { class: 'evidence' }, rule.evidence.map((item) => h('li', {}, [
    h('button', { type: 'button', class: 'evidence-item', 'data-start': item.start, onclick: () => player.seek(item.start) }, [
      h('span', { class: 'time' }, [spanOf(item)]), ' ', item.party, item.text ? `: “${item.text}”` : '',
    ]),
  ])));
}

export function rulesPanel(detail: CallDetail, player: Player): HTMLElement {
  const machineRules = new Map(detail.result.rules.map((rule) => [rule.id, rule]));
  const written = detail.result.channel === 'chat' || detail.result.channel === 'email';
  const spanOf = written ? conversationSpan : (item: EvidenceItem) => formatSpan(item.start, item.end);
  const rules = [...detail.effective.rules].sort((left, right) => statusOrder[left.status] - statusOrder[right.status] || left.rule_id.localeCompare(right.rule_id));
  if (rules.length === 0) return emptyState('No rules were checked', 'The rule pack found nothing to check in this call.');
  return h('ul', { class: 'rule-list' }, rules.map((rule) => {
    const machine = machineRules.get(rule.rule_id);
    return h('li', { class: 'rule', 'data-rule-id': rule.rule_id }, [
      h('div', { class: 'rule-head' }, [
        statusBadge(rule.status),
        h('strong', {}, [rule.rule_id]),
        machine?.severity ? h('span', { class: 'severity' }, [machine.severity]) : null,
        rule.review_id ? h('span', { class: 'badge' }, [`reviewed · machine said ${rule.machine_status}`]) : null,
      ]),
      machine?.uncertain_reason && rule.status === 'uncertain' ? h('p', { class: 'uncertain-reason' }, [`Could not decide: ${machine.uncertain_reason}`]) : null,
      evidenceList(machine, player, spanOf),
    ]);
  }));
}
