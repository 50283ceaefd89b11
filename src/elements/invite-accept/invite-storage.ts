/**
 * The invite id survives the trip through the login page in sessionStorage (per tab, gone when
 * the tab closes), because the id is removed from the address bar as soon as it is read.
 * `accepting` marks that sign-in was started for it, which is how the return trip is recognised.
 */
export const INVITE_STORAGE_KEY = 'authress-onboarding:invite';

export interface StoredInvite {
  inviteId: string;
  accepting: boolean;
}

export const INVITE_ID = /^[A-Za-z0-9_-]{8,128}$/;

export function readStoredInvite(): StoredInvite | null {
  try {
    const raw = sessionStorage.getItem(INVITE_STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredInvite>;
    if (typeof value.inviteId !== 'string' || !INVITE_ID.test(value.inviteId)) return null;
    return { inviteId: value.inviteId, accepting: value.accepting === true };
  } catch {
    return null; // storage disabled or garbage: behave as if nothing was stored
  }
}

export function storeInvite(invite: StoredInvite): void {
  try {
    sessionStorage.setItem(INVITE_STORAGE_KEY, JSON.stringify(invite));
  } catch {
    // Storage disabled: the return trip then shows the invalid-link screen instead of success.
  }
}

export function clearStoredInvite(): void {
  try {
    sessionStorage.removeItem(INVITE_STORAGE_KEY);
  } catch {
    // nothing to clear
  }
}

/** Removes `param` from the address bar (keeping other parameters and the hash); returns its value. */
export function takeParamFromUrl(param: string): string | null {
  const url = new URL(location.href);
  const value = url.searchParams.get(param);
  if (value === null) return null;
  url.searchParams.delete(param);
  history.replaceState(history.state, '', url.href);
  return value;
}

/** This page's URL without `param`: where the login comes back to. */
export function pageUrlWithout(param: string): string {
  const url = new URL(location.href);
  url.searchParams.delete(param);
  return url.href;
}
