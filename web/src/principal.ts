/** Who is signed in, for pages and forms that follow the role; the API still decides every request. */
import { getJson } from './api-client.ts';
import type { Principal } from './api-types.ts';
import { storedToken } from './session.ts';

let known: { token: string; who: Promise<Principal> } | undefined;

/** The stored token's user and role (GET /me), asked once per token; a failed lookup is asked again next time. */
export function signedInPrincipal(): Promise<Principal> {
  const token = storedToken();
  if (token !== null && known?.token === token) return known.who;
  const who = getJson<Principal>('/me');
  known = token === null ? undefined : { token, who };
  who.catch(() => {
    if (known?.who === who) known = undefined;
  });
  return who;
}
