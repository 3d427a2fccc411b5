/**
 * The override form: a rule's status or the call's score, with a required comment (the audit
 * trail says why, not only who). Reviews overlay the machine result; they never change it.
 */
import { postJson } from '../api-client.ts';
import { ruleStatuses, type CallDetail, type Review, type ReviewRequest } from '../api-types.ts';
import { h } from '../dom.ts';

export function reviewForm(detail: CallDetail, onReviewed: () => void): HTMLFormElement {
  const firstFailed = (detail.effective.rules.find((rule) => rule.status === 'uncertain') ?? detail.effective.rules.find((rule) => rule.status === 'fail'))?.rule_id;
  const target = h('select', { name: 'target', 'aria-label': 'What to override' }, [
    ...detail.effective.rules.map((rule) => h('option', { value: `rule:${rule.rule_id}`, selected: rule.rule_id === firstFailed }, [`Rule ${rule.rule_id} (now ${rule.status})`])),
    h('option', { value: 'score' }, [`Score (now ${detail.effective.score ?? '—'})`]),
  ]);
  const status = h('select', { name: 'status', 'aria-label': 'New status' }, ruleStatuses.map((value) => h('option', { value, selected: value === 'pass' }, [value])));
  const score = h('input', { name: 'score', type: 'number', min: 0, max: 100, 'aria-label': 'New score', hidden: true });
  const comment = h('textarea', { name: 'comment', required: true, maxlength: 2000, rows: 2, placeholder: 'Why? (kept in the audit trail)', 'aria-label': 'Comment' });
  const message = h('p', { class: 'form-message', role: 'status' });
  const submit = h('button', { type: 'submit' }, ['Save override']);
  const showFields = () => {
    const isScore = target.value === 'score';
    status.hidden = isScore;
    score.hidden = !isScore;
    score.required = isScore;
  };
  target.addEventListener('change', showFields);

  const form = h('form', { class: 'review-form', 'aria-label': 'Override a result' }, [
    h('div', { class: 'row' }, [target, status, score]), comment, h('div', { class: 'row' }, [submit, message]),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body: ReviewRequest = target.value === 'score'
      ? { target: 'score', score: Number(score.value), comment: comment.value.trim() }
      : { target: 'rule', rule_id: target.value.slice('rule:'.length), status: status.value as (typeof ruleStatuses)[number], comment: comment.value.trim() };
    submit.disabled = true;
    message.textContent = 'Saving…';
    try {
      await postJson<Review>(`/calls/${detail.call.call_id}/reviews`, body);
      message.textContent = 'Saved.';
      onReviewed();
    } catch (error) {
      message.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
      submit.disabled = false;
    }
  });
  return form;
}
