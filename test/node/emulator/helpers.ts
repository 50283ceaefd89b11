// Shared helpers for the emulator's node tests: start/stop, PKCE, and a fetch-only login flow
// (what the browser SDK does, without a browser).
import { createHash, randomBytes } from 'node:crypto';
import { start, type EmulatorOptions, type RunningEmulator } from '../../../demo/authress-emulator/index.js';

export const APP_ORIGIN = 'http://localhost:5173';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return start({ port: 0, ...options });
}

export function pkce(): { verifier: string; challenge: string } {
  // Same shape as @authress/login: a long verifier (>128 chars), S256 challenge.
  const verifier = Buffer.from(Array.from(randomBytes(64)).join(',')).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose JSON, so tests can assert on any field of the emulator's answer
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export interface StartedLogin { authenticationRequestId: string; authenticationUrl: string; verifier: string; redirectUrl: string }

export async function beginLogin(emulator: RunningEmulator, extra: Record<string, unknown> = {}, redirectUrl = `${APP_ORIGIN}/welcome?x=1#top`): Promise<StartedLogin> {
  const { verifier, challenge } = pkce();
  const response = await postJson(`${emulator.url}/api/authentication`, {
    applicationId: emulator.applicationId, redirectUrl, codeChallengeMethod: 'S256', codeChallenge: challenge, ...extra,
  });
  if (response.status !== 200) throw Object.assign(new Error(`authenticate failed: ${response.status}`), { response });
  return { ...response.body, verifier, redirectUrl };
}

/** Submits the hosted page's simulated-provider form; returns the 302 Location and cookie. */
export async function pickSimulatedUser(emulator: RunningEmulator, login: StartedLogin, provider: string, name: string, email: string): Promise<{ location: URL; cookie: string | null; status: number }> {
  const response = await fetch(`${emulator.url}/login/provider`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ authenticationRequestId: login.authenticationRequestId, provider, name, email }),
  });
  const location = response.headers.get('location');
  return { status: response.status, location: new URL(location ?? 'about:blank'), cookie: response.headers.get('set-cookie') };
}

export async function exchangeCode(emulator: RunningEmulator, login: StartedLogin, code: string, overrides: Record<string, unknown> = {}) {
  return postJson(`${emulator.url}/api/authentication/${encodeURIComponent(login.authenticationRequestId)}/tokens`, {
    grant_type: 'authorization_code', redirect_uri: new URL(login.redirectUrl).toString(), client_id: emulator.applicationId,
    code, code_verifier: login.verifier, ...overrides,
  });
}

/** Full simulated-provider login; returns the tokens. */
export async function loginAs(emulator: RunningEmulator, email: string, extra: Record<string, unknown> = {}) {
  const login = await beginLogin(emulator, extra);
  const picked = await pickSimulatedUser(emulator, login, 'google', email.split('@')[0], email);
  if (picked.status !== 302) throw new Error(`login page answered ${picked.status}`);
  const exchanged = await exchangeCode(emulator, login, picked.location.searchParams.get('code')!);
  if (exchanged.status !== 200) throw new Error(`exchange answered ${exchanged.status}`);
  return exchanged.body as { access_token: string; id_token: string; expires_in: number };
}

/** Status of a rejected @authress/sdk 2.x call (it throws plain objects with `status`). */
export async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    const response = await promise as { status?: number } | undefined;
    return response?.status ?? 200;
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
}
