// Idempotency-Key semantics on POST /accounts (and the same machinery on invites).
import { ownerRecordId } from '../../../demo/backend/routes/accounts.js';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../../demo/backend/db.js';
import { createIdempotency, type IdempotentContext } from '../../../demo/backend/idempotency.js';
import { ProblemError } from '../../../demo/backend/problems.js';
import { AuthressClient } from '../../../demo/backend/sdk.js';
import { createAccount, newAccountBody, newKey, setup, type Harness, type ApiResponse } from './helpers.js';

let h: Harness;
before(async () => { h = await setup(); });
after(async () => { await h.close(); });

const accountsOwnedBy = (userId: string) =>
  h.emu.state.accessRecords().filter((r) => r.recordId.startsWith('rec_Accounts:') && r.users?.some((u) => u.userId === userId));
const rowCount = () => (h.backend.db.raw.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;

test('20 concurrent POST /accounts with one key create exactly one account', async () => {
  const user = 'google|concurrent@acme.test';
  const token = await h.token(user);
  const key = newKey();
  const before = rowCount();
  const responses = await Promise.all(Array.from({ length: 20 }, () => h.api('POST', '/accounts', { token, key, body: newAccountBody('Race Inc') })));
  const statuses = responses.map((r) => r.status);
  assert.ok(statuses.every((s) => s === 201 || s === 409), `statuses: ${statuses.join(',')}`);
  const created = responses.filter((r) => r.status === 201);
  assert.ok(created.length >= 1);
  assert.equal(new Set(created.map((r) => r.body.account.accountId)).size, 1, 'every 201 names the same account');
  assert.equal(created.filter((r) => r.headers.get('idempotency-replayed') !== 'true').length, 1, 'exactly one original 201');
  for (const conflict of responses.filter((r) => r.status === 409)) assert.equal(conflict.body.type, 'urn:authress-onboarding:problem:idempotency-key-in-flight');
  assert.equal(rowCount() - before, 1, 'one DB row');
  assert.equal(accountsOwnedBy(user).length, 1, 'one access record in Authress');

  // After completion: replay with the stored status and body.
  const replay = await h.api('POST', '/accounts', { token, key, body: newAccountBody('Race Inc') });
  assert.equal(replay.status, 201);
  assert.equal(replay.headers.get('idempotency-replayed'), 'true');
  assert.deepEqual(replay.body, created[0].body);
  assert.equal(replay.headers.get('location'), `/accounts/${created[0].body.account.accountId}`);

  // Same key, other body → 422; key order and whitespace in JSON do not count as "other".
  const reordered = await h.api('POST', '/accounts', { token, key, rawBody: '{"contactEmail":"ada@acme.test", "contactName":"Ada Lovelace","accountName":"Race Inc"}', headers: { 'content-type': 'application/json' } });
  assert.equal(reordered.status, 201);
  const reused = await h.api('POST', '/accounts', { token, key, body: newAccountBody('Other Inc') });
  assert.equal(reused.status, 422);
  assert.equal(reused.body.type, 'urn:authress-onboarding:problem:idempotency-key-reused');

  // Another user with the same key gets their own account, not the first user's response.
  const other = await h.api('POST', '/accounts', { token: await h.token('google|other@acme.test'), key, body: newAccountBody('Race Inc') });
  assert.equal(other.status, 201);
  assert.equal(other.headers.get('idempotency-replayed'), null);
  assert.notEqual(other.body.account.accountId, created[0].body.account.accountId);
});

test('missing or malformed Idempotency-Key → 400', async () => {
  const token = await h.token('google|keys@acme.test');
  for (const key of [undefined, 'short', 'x'.repeat(300), 'has spaces in it ok?', '"unterminated-quoted-key-value']) {
    const res = await h.api('POST', '/accounts', { token, body: newAccountBody(), ...(key === undefined ? {} : { key }) });
    assert.equal(res.status, 400, `key ${key}`);
    assert.equal(res.body.type, 'urn:authress-onboarding:problem:idempotency-key-missing');
  }
  const quoted = await h.api('POST', '/accounts', { token, key: '"8e03978e-40d5-43e8-bc93-6894a57f9324"', body: newAccountBody() });
  assert.equal(quoted.status, 201, 'RFC 8941 quoted keys are accepted');
});

test('validation failures are not stored: the same key works once the body is fixed', async () => {
  const token = await h.token('google|fix@acme.test');
  const key = newKey();
  const bad = await h.api('POST', '/accounts', { token, key, body: { ...newAccountBody(), contactEmail: 'nope' } });
  assert.equal(bad.status, 422);
  const good = await h.api('POST', '/accounts', { token, key, body: newAccountBody() });
  assert.equal(good.status, 201);
});

test('keys expire after 24 h: a reused key is then a new request', async () => {
  let clock = Date.now();
  const timed = await setup({ emulator: h.emu, deps: { now: () => clock } });
  try {
    const token = await timed.token('google|clock@acme.test');
    const key = newKey();
    assert.equal((await timed.api('POST', '/accounts', { token, key, body: newAccountBody('Day One') })).status, 201);
    clock += 23 * 3_600_000;
    assert.equal((await timed.api('POST', '/accounts', { token, key, body: newAccountBody('Day Two') })).status, 422);
    clock += 2 * 3_600_000;
    const fresh = await timed.api('POST', '/accounts', { token, key, body: newAccountBody('Day Two') });
    assert.equal(fresh.status, 201);
    assert.equal(fresh.headers.get('idempotency-replayed'), null);
  } finally {
    await timed.close();
  }
});

for (const mode of ['fails before Authress stores it', 'is stored but the answer is lost'] as const) {
  test(`createRecord ${mode}: 503, no orphan, and the same-key retry creates exactly one account`, async () => {
    const sdk = new AuthressClient({ authressApiUrl: h.emu.url }, h.emu.accessKey);
    const real = sdk.accessRecords.createRecord.bind(sdk.accessRecords);
    let failures = 1;
    sdk.accessRecords.createRecord = async (body: unknown) => {
      if (failures-- > 0) {
        if (mode === 'is stored but the answer is lost') await real(body);
        // The SDK rejects with a plain { url, status, data, headers } object, not an Error.
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- mimics that shape on purpose
        throw { url: '/v1/records', status: 502, data: {}, headers: {} };
      }
      return real(body);
    };
    const flaky = await setup({ emulator: h.emu, deps: { authressClient: sdk } });
    try {
      const user = `google|flaky-${mode.length}@acme.test`;
      const token = await flaky.token(user);
      const key = newKey();
      const first = await flaky.api('POST', '/accounts', { token, key, body: newAccountBody('Flaky Ltd') });
      assert.equal(first.status, 503);
      assert.equal(first.body.type, 'urn:authress-onboarding:problem:service-unavailable');
      assert.ok(Number(first.headers.get('retry-after')) > 0);
      assert.equal((flaky.backend.db.raw.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n, 0, 'no local orphan');
      assert.deepEqual((await flaky.api('GET', '/accounts', { token })).body.accounts, []);

      const retry = await flaky.api('POST', '/accounts', { token, key, body: newAccountBody('Flaky Ltd') });
      assert.equal(retry.status, 201);
      const replay = await flaky.api('POST', '/accounts', { token, key, body: newAccountBody('Flaky Ltd') });
      assert.equal(replay.headers.get('idempotency-replayed'), 'true');
      assert.equal((flaky.backend.db.raw.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n, 1);
      assert.equal(accountsOwnedBy(user).length, 1);
      assert.equal(accountsOwnedBy(user)[0].recordId, ownerRecordId(retry.body.account.accountId, user));
    } finally {
      await flaky.close();
    }
  });
}

test('two invite requests with different keys for one address send one invite and one email', async () => {
  const owner = await h.token('google|inviter@acme.test');
  const accountId = await createAccount(h, owner, 'Twin Invites');
  const before = h.backend.outbox.list().length;
  const [a, b] = await Promise.all(
    [newKey(), newKey()].map((key) =>
      h.api('POST', `/accounts/${accountId}/invites`, { token: owner, key, body: { emails: ['twin@acme.test'], roleId: 'Viewer' } }),
    ),
  );
  const statuses = [a, b].map((r) => r.body.results[0].status).sort();
  assert.deepEqual(statuses, ['already_pending', 'sent']);
  assert.equal(h.backend.outbox.list().length - before, 1);
  assert.equal((await h.api('GET', `/accounts/${accountId}/invites`, { token: owner })).body.invites.length, 1);
});

test('heartbeat keeps the lock of a long attempt; a lost lock is not stolen back', async () => {
  const db = openDatabase(':memory:');
  let clock = 1_000_000;
  const idem = createIdempotency(db, () => clock, 24 * 3_600_000, 60_000);
  const inFlight = (error: unknown) => error instanceof ProblemError && error.body.type.endsWith(':idempotency-key-in-flight');
  const done = { status: 200, body: {}, headers: {} };
  let second = 0;
  const retry = () => idem.run('u', 'k', 'print', async () => { second++; return done; });
  try {
    await idem.run('u', 'k', 'print', async (attempt: IdempotentContext) => {
      for (let step = 0; step < 4; step++) {
        clock += 50_000; // 200 s in all, well past the 60 s lock
        assert.equal(attempt.heartbeat(), true, `step ${step}`);
        await assert.rejects(retry(), inFlight, `a retry at +${(step + 1) * 50} s is told to wait`);
      }
      return done;
    });
    assert.equal(second, 0, 'the retry never ran while the first attempt made progress');

    // Without a heartbeat the lock lapses and a retry takes over; the old attempt cannot get it back.
    await idem.run('u', 'k2', 'print', async (attempt: IdempotentContext) => {
      clock += 61_000;
      await idem.run('u', 'k2', 'print', async () => {
        assert.equal(attempt.heartbeat(), false, 'the lapsed attempt learns it lost the key');
        clock += 30_000;
        await assert.rejects(idem.run('u', 'k2', 'print', async () => done), inFlight, 'the new holder still holds it');
        return done;
      });
      return done;
    });
  } finally {
    db.close();
  }
});

test('an invite batch that outlasts the 60 s lock keeps its key: the client retry gets 409, not a second run', async () => {
  let clock = Date.now();
  const sdk = new AuthressClient({ authressApiUrl: h.emu.url }, h.emu.accessKey);
  const realCreate = sdk.invites.createInvite.bind(sdk.invites);
  let calls = 0;
  let retry: Promise<ApiResponse> | undefined;
  let fireRetry: (() => Promise<ApiResponse>) | undefined;
  sdk.invites.createInvite = async (body: unknown) => {
    clock += 25_000; // each address takes 25 s: five of them take 125 s
    // At the fourth address (+100 s) the client retries; this attempt waits until the retry is answered.
    if (++calls === 4 && fireRetry) {
      retry = fireRetry();
      await retry;
    }
    return realCreate(body);
  };
  const slow = await setup({ emulator: h.emu, deps: { now: () => clock, authressClient: sdk } });
  try {
    const owner = await slow.token('google|slow-batch@acme.test');
    const accountId = await createAccount(slow, owner, 'Slow Batch');
    const key = newKey();
    const body = { emails: ['s1@acme.test', 's2@acme.test', 's3@acme.test', 's4@acme.test', 's5@acme.test'], roleId: 'Viewer' };
    const before = slow.backend.outbox.list().length;
    fireRetry = () => slow.api('POST', `/accounts/${accountId}/invites`, { token: owner, key, body });
    const first = await slow.api('POST', `/accounts/${accountId}/invites`, { token: owner, key, body });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body.results.map((r: { status: string }) => r.status), ['sent', 'sent', 'sent', 'sent', 'sent']);
    const second = await retry!;
    assert.equal(second.status, 409, second.text);
    assert.equal(second.body.type, 'urn:authress-onboarding:problem:idempotency-key-in-flight');
    assert.equal(calls, 5, 'five Authress invites, not more');
    assert.equal(slow.backend.outbox.list().length - before, 5, 'five emails, not more');
    const replay = await slow.api('POST', `/accounts/${accountId}/invites`, { token: owner, key, body });
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
  } finally {
    await slow.close();
  }
});
