/**
 * Tagging a span of the call as a good or bad example for the trainers' library. Start and end
 * come from the playhead or the transcript line under it, so a trainer listens, stops, and
 * tags without typing times; every control is a native one, so the form works from the keyboard.
 */
import { roleSets } from '../../../api/roles.ts';
import { signedInPrincipal } from '../principal.ts';
import { ApiError, postJson } from '../api-client.ts';
import type { CallDetail, Example, Utterance } from '../api-types.ts';
import type { ExampleRequest } from '../../../api/schemas/example.ts';
import { fill, h } from '../dom.ts';
import { formatSpan } from '../format.ts';
import { routeHref } from '../router.ts';
import { guidancePoints, type GuidanceRef } from './guidance-points.ts';
import type { Player } from './player.ts';

const defaultSpanSeconds = 5;

/** Audio seeks land on a frame, a few ms off the time asked for; a line jumped to still counts. */
const seekToleranceSeconds = 0.05;

/** Lines overlap when both parties talk: the one begun last is the one the trainer jumped to. */
function lineAt(utterances: readonly Utterance[], seconds: number): Utterance | undefined {
  const started = utterances.filter((utterance) => utterance.start <= seconds + seekToleranceSeconds);
  return started.findLast((utterance) => seconds < utterance.end) ?? started.at(-1);
}

function secondsInput(name: string, label: string): HTMLInputElement {
  return h('input', { name, type: 'number', min: 0, step: 0.1, required: true, 'aria-label': label, inputmode: 'decimal' });
}

function failureText(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return 'Not saved: only trainers and admins may tag examples. Ask an admin for a trainer token.';
  return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
}

function exampleForm(detail: CallDetail, player: Player): HTMLFormElement {
  const { utterances } = detail.result;
  let playhead = 0;
  player.onTimeUpdate((seconds) => {
    playhead = seconds;
  });
  const start = secondsInput('start_s', 'Start in seconds');
  const end = secondsInput('end_s', 'End in seconds');
  const span = h('output', { class: 'span-preview', 'aria-live': 'polite' });
  const showSpan = () => {
    span.textContent = Number(end.value) > Number(start.value) ? formatSpan(Number(start.value), Number(end.value)) : 'end must be after start';
  };
  const setSpan = (from: number, to: number) => {
    start.value = from.toFixed(1);
    end.value = to.toFixed(1);
    showSpan();
  };
  const useLine = () => {
    const line = lineAt(utterances, playhead);
    if (line) setSpan(line.start, line.end);
    else setSpan(playhead, playhead + defaultSpanSeconds);
  };
  for (const input of [start, end]) input.addEventListener('input', showSpan);
  useLine();

  const labelChoice = (value: ExampleRequest['label']) => h('label', { class: `choice choice-${value}` }, [h('input', { type: 'radio', name: 'label', value, required: true, checked: value === 'good' }), ` ${value}`]);
  const guidance = h('select', { name: 'guidance_ref', 'aria-label': 'Guidance point' }, guidancePoints.map(({ ref, name }) => h('option', { value: ref }, [`${ref} · ${name}`])));
  const note = h('textarea', { name: 'note', required: true, maxlength: 2000, rows: 2, placeholder: 'What makes this moment a good or bad example?', 'aria-label': 'Note' });
  const message = h('p', { class: 'form-message', role: 'status' });
  const submit = h('button', { type: 'submit' }, ['Add to library']);

  const form = h('form', { class: 'example-form', 'aria-label': 'Tag an example' }, [
    h('div', { class: 'row' }, [
      h('label', { class: 'field' }, [h('span', {}, ['Start (s)']), start]),
      h('label', { class: 'field' }, [h('span', {}, ['End (s)']), end]),
      span,
    ]),
    h('div', { class: 'row' }, [
      h('button', { type: 'button', class: 'secondary small', onclick: () => setSpan(playhead, Math.max(Number(end.value), playhead + 0.1)) }, ['Start at playhead']),
      h('button', { type: 'button', class: 'secondary small', onclick: () => setSpan(Math.min(Number(start.value), playhead), playhead) }, ['End at playhead']),
      h('button', { type: 'button', class: 'secondary small use-line', onclick: useLine }, ['Use line at playhead']),
    ]),
    h('div', { class: 'row' }, [h('fieldset', { class: 'label-choice' }, [h('legend', { class: 'visually-hidden' }, ['Label']), labelChoice('good'), labelChoice('bad')]), guidance]),
    note,
    h('div', { class: 'row' }, [submit, message]),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const label = new FormData(form).get('label') === 'bad' ? 'bad' : 'good';
    const body: ExampleRequest = { start_s: Number(start.value), end_s: Number(end.value), label, guidance_ref: guidance.value as GuidanceRef, note: note.value.trim() };
    if (body.end_s <= body.start_s) {
      message.className = 'form-message is-error';
      message.textContent = 'Not saved: the end must be after the start.';
      return;
    }
    submit.disabled = true;
    message.className = 'form-message';
    message.textContent = 'Saving…';
    try {
      const example = await postJson<Example>(`/calls/${detail.call.call_id}/examples`, body);
      message.className = 'form-message is-success';
      message.replaceChildren(`Added ${example.label} ${example.guidance_ref} at ${formatSpan(example.start_s, example.end_s)}. `,
        h('a', { href: routeHref('/examples', { guidance_ref: example.guidance_ref }) }, ['Open in the library']));
      note.value = '';
    } catch (error) {
      message.className = 'form-message is-error';
      message.textContent = failureText(error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/**
 * The form in its card, for the roles that may tag. When /me cannot say who this is, the form is
 * shown anyway: the API decides, and a refusal reads clearly in the form.
 */
export function exampleCard(detail: CallDetail, player: Player, signal: AbortSignal): HTMLElement {
  const card = h('section', { class: 'card tag-example', 'aria-labelledby': 'tag-example-title', hidden: true });
  const show = () => {
    fill(card, h('h2', { id: 'tag-example-title' }, ['Tag an example']), exampleForm(detail, player));
    card.hidden = false;
  };
  signedInPrincipal().then((me) => {
    if (roleSets.trainers.some((role) => role === me.role) && !signal.aborted) show();
  }, () => {
    if (!signal.aborted) show();
  });
  return card;
}
