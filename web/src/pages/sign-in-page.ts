/**
 * Sign-in with an API token (`callqa serve --print-admin-token` or `callqa users add`). The
 * token is checked against /me before it is kept, so a typo is reported here, not later.
 */
import { ApiError, getJson } from '../api-client.ts';
import type { Principal } from '../api-types.ts';
import { h } from '../dom.ts';
import { storeToken } from '../session.ts';

export function signInPage(next: string): HTMLElement {
  const tokenInput = h('input', {
    id: 'token', name: 'token', type: 'password', required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'cqa_…',
  });
  const message = h('p', { class: 'form-message', role: 'alert' });
  const submit = h('button', { type: 'submit' }, ['Sign in']);
  const form = h('form', { class: 'sign-in card', 'aria-labelledby': 'sign-in-title' }, [
    h('h1', { id: 'sign-in-title' }, ['Sign in to callqa']),
    h('label', { for: 'token' }, ['API token']),
    tokenInput,
    h('p', { class: 'hint' }, ['Ask an admin for a token, or start the server with --print-admin-token. It is kept for this tab only.']),
    message,
    submit,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = tokenInput.value.trim();
    submit.disabled = true;
    message.textContent = '';
    try {
      await getJson<Principal>('/me', {}, undefined, token);
      storeToken(token);
      location.hash = next.startsWith('#/') && !next.startsWith('#/sign-in') ? next : '#/calls';
    } catch (error) {
      message.textContent = error instanceof ApiError && error.status === 401 ? 'That token is not valid.' : `Could not sign in: ${String(error)}`;
      tokenInput.focus();
    } finally {
      submit.disabled = false;
    }
  });
  queueMicrotask(() => tokenInput.focus());
  return h('section', { class: 'page page-narrow' }, [form]);
}
