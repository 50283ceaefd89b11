import { expect } from '@open-wc/testing';
import { createApiClient } from '../../src/core/api/client.js';
import { ApiError } from '../../src/core/api/problem.js';
import { fakeFetch, json } from './support/fetch.js';

describe('API client (resilient fetch)', () => {
  it('a caller abort during the back-off sleep sends no further request', async () => {
    const controller = new AbortController();
    const fetchFn = fakeFetch(() => new Response('', { status: 503 }));
    const api = createApiClient({
      apiBase: 'https://api.example.test',
      getToken: () => Promise.resolve('token'),
      fetch: fetchFn,
      // The caller aborts while we wait; a sleep that ignores the signal returns right after.
      sleep: () => {
        controller.abort();
        return Promise.resolve();
      },
    });
    const failure = await api.listAccounts({ signal: controller.signal }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(fetchFn.requests).to.have.length(1);
    expect(failure).to.be.instanceOf(ApiError);
    expect((failure as ApiError).code).to.equal('aborted');
  });

  it('an attempt started after the caller aborted carries an aborted signal (or is never sent)', async () => {
    const controller = new AbortController();
    let sawAbortedSignal = false;
    const fetchFn = fakeFetch(() => json({ accounts: [] }));
    const seen: typeof fetch = (input, init) => {
      sawAbortedSignal ||= input instanceof Request && input.signal.aborted;
      return fetchFn(input, init);
    };
    const api = createApiClient({ apiBase: 'https://api.example.test', getToken: () => Promise.resolve('token'), fetch: seen, maxRetries: 0 });
    controller.abort();
    await api.listAccounts({ signal: controller.signal }).catch(() => undefined);
    // openapi-fetch or fetch itself may refuse first; if a request reached the seam, its signal is aborted.
    expect(fetchFn.requests.length === 0 || sawAbortedSignal).to.equal(true);
  });
});
