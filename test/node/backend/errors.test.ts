// Problem+json everywhere: request hardening, rate limits, CORS, and Authress being down or hung.
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { AuthressClient } from '../../../demo/backend/sdk.js';
import { APP_URL, TEST_LIMITS, checkAgainstContract, createAccount, newAccountBody, newKey, setup, type ApiResponse, type Harness } from './helpers.js';

let h: Harness;
let token: string;
before(async () => {
  h = await setup({
    backend: {
      rateLimits: {
        ...TEST_LIMITS,
        accountsPerUser: { limit: 3, windowMs: 60_000 },
        inviteAddressesPerAccount: { limit: 3, windowMs: 60_000 },
        invitePreviewPerIp: { limit: 5, windowMs: 60_000 },
      },
    },
  });
  token = await h.token('google|errors@acme.test');
});
after(async () => { await h.close(); });

const type = (slug: string) => `urn:authress-onboarding:problem:${slug}`;

test('413, 400, 415, 404, 405 and stray query parameters are problems', async () => {
  const huge = await h.api('POST', '/accounts', { token, key: newKey(), body: { ...newAccountBody(), fields: { note: 'x'.repeat(70 * 1024) } } });
  assert.equal(huge.status, 413);
  assert.equal(huge.body.type, type('payload-too-large'));

  const malformed = await h.api('POST', '/accounts', { token, key: newKey(), rawBody: '{"accountName": ', headers: { 'content-type': 'application/json' } });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.type, type('malformed-request'));
  const array = await h.api('POST', '/accounts', { token, key: newKey(), rawBody: '[]', headers: { 'content-type': 'application/json' } });
  assert.equal(array.status, 400);

  const text = await h.api('POST', '/accounts', { token, key: newKey(), rawBody: JSON.stringify(newAccountBody()), headers: { 'content-type': 'text/plain' } });
  assert.equal(text.status, 415);
  assert.equal(text.body.type, type('unsupported-media-type'));

  const unknown = await h.api('GET', '/nope', { token });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('content-type'), 'application/problem+json');

  const wrongMethod = await h.api('DELETE', '/accounts', { token });
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get('allow'), 'GET, POST');

  const query = await h.api('GET', '/accounts?debug=1', { token });
  assert.equal(query.status, 400);
});

test('422 validation errors carry pointers and field codes', async () => {
  const res = await h.api('POST', '/accounts', { token, key: newKey(), body: { accountName: '   ', contactEmail: 'not-an-email', isAdmin: true, fields: { 'bad name': 1 } } });
  assert.equal(res.status, 422);
  assert.equal(res.body.type, type('validation-failed'));
  const byPointer = Object.fromEntries(res.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]));
  assert.deepEqual(byPointer, { '/contactName': 'required', '/isAdmin': 'unknown-field', '/contactEmail': 'invalid-email', '/fields/bad name': 'invalid-value' });
  const blank = await h.api('POST', '/accounts', { token, key: newKey(), body: { ...newAccountBody(), accountName: '   ' } });
  assert.deepEqual(blank.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/accountName', 'required']]);
  const long = await h.api('POST', '/accounts', { token, key: newKey(), body: { ...newAccountBody(), accountName: 'x'.repeat(101) } });
  assert.deepEqual(long.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/accountName', 'too-long']]);
});

test('rate limits answer 429 with Retry-After; X-Forwarded-For is ignored without TRUST_PROXY', async () => {
  const user = await h.token('google|busy@acme.test');
  const statuses: number[] = [];
  let limited: ApiResponse | undefined;
  for (let i = 0; i < 4; i++) {
    const res = await h.api('POST', '/accounts', { token: user, key: newKey(), body: newAccountBody(`Busy ${i}`), headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    statuses.push(res.status);
    if (res.status === 429) limited = res;
  }
  assert.deepEqual(statuses, [201, 201, 201, 429]);
  assert.ok(limited, 'no 429 response');
  assert.equal(limited.body.type, type('rate-limited'));
  assert.ok(Number(limited.headers.get('retry-after')) > 0 && Number(limited.headers.get('retry-after')) <= 60);
  assert.equal(limited.body.retryAfter, Number(limited.headers.get('retry-after')));

  // Invites count addresses per account.
  const accountId = await createAccount(h, token, 'Inviting');
  const first = await h.api('POST', `/accounts/${accountId}/invites`, { token, key: newKey(), body: { emails: ['a@x.test', 'b@x.test'], roleId: 'Viewer' } });
  assert.equal(first.status, 200);
  const second = await h.api('POST', `/accounts/${accountId}/invites`, { token, key: newKey(), body: { emails: ['c@x.test', 'd@x.test'], roleId: 'Viewer' } });
  assert.equal(second.status, 429);
  // A refused request left its key unused: the same key works once there is room (a smaller request).
  const previews = [];
  for (let i = 0; i < 6; i++) previews.push((await h.api('GET', `/invites/${first.body.results[0].inviteId}`)).status);
  assert.deepEqual(previews, [200, 200, 200, 200, 200, 429]);
  assert.ok(h.logs.some((line) => line.includes('"status":429')));
});

test('CORS: only configured origins, with the contract headers allowed and exposed', async () => {
  const preflight = await fetch(`${h.backend.url}/accounts`, { method: 'OPTIONS', headers: { origin: APP_URL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' } });
  assert.equal(preflight.headers.get('access-control-allow-origin'), APP_URL);
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
  const evil = await fetch(`${h.backend.url}/accounts`, { method: 'OPTIONS', headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' } });
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  const simple = await fetch(`${h.backend.url}/accounts`, { headers: { origin: APP_URL, authorization: `Bearer ${token}` } });
  checkAgainstContract('GET', '/accounts', simple.status, simple.headers, await simple.text());
  assert.match(simple.headers.get('access-control-expose-headers') ?? '', /Idempotency-Replayed/);
  assert.equal(simple.headers.get('x-content-type-options'), 'nosniff');
});

test('Authress unreachable → 503 with Retry-After (never a hang or a 500)', async () => {
  const dead = await setup();
  const user = await dead.token('google|outage@acme.test');
  await createAccount(dead, user, 'Before the outage');
  await dead.emu.close();
  const res = await dead.api('GET', '/accounts', { token: user });
  assert.equal(res.status, 503);
  assert.equal(res.body.type, type('service-unavailable'));
  const create = await dead.api('POST', '/accounts', { token: user, key: newKey(), body: newAccountBody() });
  assert.equal(create.status, 503);
  await dead.backend.close();
});

test('a hung Authress → 503 within the deadline', async () => {
  const sockets: Socket[] = [];
  const hang = createServer((socket) => { sockets.push(socket); });
  await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
  const port = (hang.address() as { port: number }).port;
  const stuck = await setup({
    emulator: h.emu,
    backend: { authressTimeoutMs: 300 },
    deps: { authressClient: new AuthressClient({ authressApiUrl: `http://127.0.0.1:${port}` }, h.emu.accessKey) },
  });
  try {
    const started = Date.now();
    const res = await stuck.api('GET', '/accounts', { token });
    assert.equal(res.status, 503);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.ok(stuck.logs.some((line) => line.includes('"reason":"timeout"')));
  } finally {
    await stuck.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => hang.close(() => resolve()));
  }
});
