/**
 * The API token for this tab. sessionStorage, not localStorage: the token is a credential to
 * personal data, so it goes when the tab closes and is never shared with other tabs.
 */
const tokenKey = 'callqa.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(tokenKey);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(tokenKey, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(tokenKey);
}
