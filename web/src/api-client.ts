/**
 * The API as the app uses it: JSON over fetch with the session's token. A 401 means the token
 * is gone or revoked, so it is forgotten and the user is sent to sign in again.
 */
import { forgetToken, storedToken } from './session.ts';

const apiBase = '/api/v1';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export type QueryValues = Record<string, string | number | undefined>;

export function queryString(values: QueryValues): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function request(path: string, init: RequestInit = {}, token = storedToken()): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(`${apiBase}${path}`, { ...init, headers });
  if (response.ok) return response;
  const body = await response.json().catch(() => ({})) as { code?: string; message?: string };
  // Only a kept token that stopped working sends the user back; a token being tried stays on the form.
  if (response.status === 401 && token !== null && token === storedToken()) {
    forgetToken();
    if (!location.hash.startsWith('#/sign-in')) location.hash = `#/sign-in?next=${encodeURIComponent(location.hash)}`;
  }
  const explanation = response.status === 403 ? 'Your role may not see this page.' : body.message ?? response.statusText;
  throw new ApiError(response.status, body.code ?? 'CQA_ERR_HTTP', explanation);
}

export async function getJson<T>(path: string, query: QueryValues = {}, signal?: AbortSignal, token?: string): Promise<T> {
  const response = await request(`${path}${queryString(query)}`, { signal: signal ?? null }, token);
  return response.json() as Promise<T>;
}

export async function postJson<T>(path: string, body: object): Promise<T> {
  const response = await request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json() as Promise<T>;
}

/** Binary answers (the recording): the browser cannot add the token to an <audio src>. */
export async function getBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  return (await request(path, { signal: signal ?? null })).blob();
}
