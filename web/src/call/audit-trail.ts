/** Every review of the call, oldest first: who changed what, from what to what, and why. */
import type { Review } from '../api-types.ts';
import { emptyState, h } from '../dom.ts';
import { formatDateTime } from '../format.ts';

function valueText(value: Review['before']): string {
  if (value === null) return '—';
  return 'status' in value ? value.status : String(value.score ?? '—');
}

export function auditTrail(reviews: readonly Review[]): HTMLElement {
  if (reviews.length === 0) return emptyState('No reviews yet', 'Overrides you save appear here with who made them and why.');
  return h('ol', { class: 'audit-trail' }, reviews.map((review) => h('li', { 'data-review-id': review.review_id }, [
    h('div', {}, [
      h('strong', {}, [review.target === 'rule' ? `Rule ${review.rule_id}` : 'Score']), ': ',
      valueText(review.before), ' → ', h('strong', {}, [valueText(review.after)]),
    ]),
    review.comment ? h('blockquote', {}, [review.comment]) : null,
    h('p', { class: 'meta' }, [
      review.reviewer, review.token_issued_by ? ` (with a token ${review.token_issued_by} minted)` : '', ` · ${formatDateTime(review.created_at)}`,
    ]),
  ])));
}
