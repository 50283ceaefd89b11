// npm run bench: size, first-render time, requests per flow step and backend throughput, in one
// run. Prints the tables and writes docs/performance.json + docs/performance.md. Not a test: it
// never fails on numbers, only when something cannot be measured.
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { start as startEmulator } from '../demo/authress-emulator/index.js';
import { start as startBackend } from '../demo/backend/index.js';
import { DEFAULT_RATE_LIMITS } from '../demo/backend/config.js';
import { REPO_ROOT, ensureBundle } from '../demo/launcher/build.js';
import { startSiteServer } from '../demo/launcher/site-server.js';
import { launchChromium } from '../test/e2e/support/browser.js';
import { acceptInvite, storyOne, storyTwoAdmin } from '../test/e2e/demo/flows.js';
import { startStack } from '../test/e2e/demo/support.js';

// autocannon ships no types; this is the part used here.
interface AutocannonResult { requests: { total: number; average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number; duration: number }
type Autocannon = (options: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => unknown;
const AUTOCANNON = 'autocannon';
const SIZE_SCRIPT = './size.mjs';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const LOAD_SECONDS = Math.min(Number(process.env['BENCH_SECONDS'] ?? 10), 10);
const LOAD_MAX_REQUESTS = Number(process.env['BENCH_MAX_REQUESTS'] ?? 2000);
const LOAD_CONNECTIONS = 10;

interface SizeRow { name: string; rawBytes: number; gzipBytes: number; budgetBytes?: number }
interface RenderRow { element: string; elementMs: number; baselineMs: number; ratio: number; runs: number }
interface RequestRow { step: string; total: number; site: number; loginHost: number; idp: number; other: number }
interface LoadRow { endpoint: string; requests: number; errors: number; non2xx: number; rps: number; p50: number; p99: number; seconds: number }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

// ── (a) sizes ────────────────────────────────────────────────────────────────────────────────
async function sizes(): Promise<SizeRow[]> {
  await ensureBundle();
  const size = (await import(SIZE_SCRIPT)) as { measureSizes: () => Promise<SizeRow[]> };
  return size.measureSizes();
}

// ── (b) script evaluation → first render, element vs. a plain form with the same fields ──────
// Each element page: t0 is taken by the first module in the bundle (before lit and the element
// evaluate); the element's first updateComplete (plus a forced layout) ends the measurement. The
// baseline page clones a <template> holding the same fields as a plain HTML form, then forces
// layout. Fakes stand in for the login client and fetch: this measures rendering, not the network.
const ELEMENTS: Array<{ tag: string; attrs: string; baseline: string }> = [
  { tag: 'signup-button', attrs: '', baseline: '<button type="button">Sign up</button><div role="status"></div><div role="alert"></div>' },
  {
    tag: 'create-account-form', attrs: 'existing-accounts="ignore"',
    baseline: `<form><div><label for="a">Account name</label><input id="a" required><span>hint</span></div>
      <div><label for="b">Your name</label><input id="b" required></div><div><label for="c">Contact email</label><input id="c" type="email" required></div>
      <div><label for="d">Company size</label><select id="d"><option value="">Choose</option><option>1-10</option><option>11-50</option></select></div>
      <div><input type="checkbox" id="e"><label for="e">I accept the terms</label></div><button>Create account</button></form>`,
  },
  { tag: 'invite-accept', attrs: 'invite-id="inv_abcdefghijklmnopqrstuv"', baseline: '<section><h2>Join Acme</h2><p>You have been invited.</p><p>Expires soon.</p><form><button>Accept and sign in</button></form></section>' },
  {
    tag: 'sso-config-form', attrs: 'account-id="acc_bench"',
    baseline: `<form><fieldset><legend>Type</legend><label><input type="radio" name="t" checked>OAuth</label><label><input type="radio" name="t">SAML</label></fieldset>
      ${['Authorization URL', 'Token URL', 'Client ID', 'Client secret', 'Scopes', 'Issuer', 'Email domains'].map((l, i) => `<div><label for="s${i}">${l}</label><input id="s${i}"><span>hint</span></div>`).join('')}
      <button>Save SSO settings</button></form>`,
  },
  {
    tag: 'invite-form', attrs: 'account-id="acc_bench"',
    baseline: `<form><fieldset><legend>Role</legend>${['Admin', 'Editor', 'Viewer'].map((r) => `<label><input type="radio" name="r">${r}<span>desc</span></label>`).join('')}</fieldset>
      <div><label for="em">Email addresses</label><textarea id="em"></textarea><span>hint</span></div><button>Send invitations</button><h3>Pending invitations</h3><p>None.</p></form>`,
  },
];

async function buildRenderPages(dir: string): Promise<void> {
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  const input: Record<string, string> = {};
  const tagFile = (tag: string) => (tag === 'sso-config-form' || tag === 'invite-form' ? `${REPO_ROOT}src/elements/${tag}/define.ts` : `${REPO_ROOT}src/elements/${tag}/define.ts`);
  writeFileSync(join(src, 't0.ts'), `import { configure } from '${REPO_ROOT}src/core/config.ts';
(window as any).__t0 = performance.now();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
configure({
  loginHost: 'http://127.0.0.1:1', applicationId: 'app_bench', apiBase: '/api',
  loginClientFactory: () => ({ authenticate: async () => ({}), userSessionExists: async () => true, ensureToken: async () => 'token',
    getUserIdentity: () => ({ userId: 'u', email: 'u@example.test', name: 'U' }), logout: async () => undefined }),
  fetch: async (request: RequestInfo | URL) => {
    const url = String(request instanceof Request ? request.url : request);
    if (url.endsWith('/accounts')) return json({ accounts: [] });
    if (url.endsWith('/sso')) return json({ configured: false });
    if (url.endsWith('/roles')) return json({ roles: [{ roleId: 'Viewer', name: 'Viewer', description: null }] });
    if (url.endsWith('/invites')) return json({ invites: [] });
    return json({ inviteId: 'inv_abcdefghijklmnopqrstuv', accountName: 'Acme', status: 'pending', expiresAt: new Date(Date.now() + 864e5).toISOString() });
  },
});
`);
  for (const { tag, attrs, baseline } of ELEMENTS) {
    writeFileSync(join(src, `${tag}.ts`), `import './t0.ts';
import '${tagFile(tag)}';
const el = document.querySelector('${tag}') as HTMLElement & { updateComplete: Promise<unknown> };
el.updateComplete.then(() => { void document.body.offsetHeight; (window as any).__t1 = performance.now(); });
`);
    writeFileSync(join(dir, `${tag}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${tag}</title><script type="module" src="./src/${tag}.ts"></script></head><body><main><${tag} ${attrs}></${tag}></main></body></html>`);
    input[tag] = join(dir, `${tag}.html`);
    writeFileSync(join(src, `${tag}-baseline.ts`), `(window as any).__t0 = performance.now();
const template = document.getElementById('form') as HTMLTemplateElement;
document.querySelector('main')!.append(template.content.cloneNode(true));
void document.body.offsetHeight;
(window as any).__t1 = performance.now();
`);
    writeFileSync(join(dir, `${tag}-baseline.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${tag} baseline</title><script type="module" src="./src/${tag}-baseline.ts"></script></head><body><template id="form">${baseline}</template><main></main></body></html>`);
    input[`${tag}-baseline`] = join(dir, `${tag}-baseline.html`);
  }
  await build({
    configFile: false, root: dir, logLevel: 'silent', base: '/',
    build: { outDir: join(dir, 'out'), emptyOutDir: true, modulePreload: { polyfill: false }, reportCompressedSize: false, rolldownOptions: { input } },
  });
}

async function timePage(page: Page, url: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    await page.goto(url);
    const ms = await page.waitForFunction(
      () => {
        const marks = window as unknown as { __t0?: number; __t1?: number };
        return marks.__t1 !== undefined && marks.__t0 !== undefined && marks.__t1 - marks.__t0;
      },
      undefined,
      { timeout: 10_000 },
    );
    if (i >= 2) samples.push(Number(await ms.jsonValue())); // two warm-up loads
  }
  return median(samples);
}

async function renderTimes(browser: Browser): Promise<RenderRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-render-'));
  try {
    await buildRenderPages(dir);
    const site = await startSiteServer({ port: 0, root: join(dir, 'out'), distDir: join(dir, 'out'), backendUrl: () => 'http://127.0.0.1:1', loginOrigin: 'http://127.0.0.1:1', demoConfig: {} });
    const context = await browser.newContext();
    const page = await context.newPage();
    const rows: RenderRow[] = [];
    for (const { tag } of ELEMENTS) {
      const elementMs = await timePage(page, `${site.url}/${tag}.html`);
      const baselineMs = await timePage(page, `${site.url}/${tag}-baseline.html`);
      rows.push({ element: tag, elementMs: round(elementMs), baselineMs: round(baselineMs), ratio: round(elementMs / Math.max(baselineMs, 0.01), 1), runs: RUNS });
    }
    await context.close();
    await site.close();
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── (c) requests per step of stories 1–2 ────────────────────────────────────────────────────
async function requestCounts(): Promise<RequestRow[]> {
  const stack = await startStack();
  try {
    const { demo } = stack;
    const rows: RequestRow[] = [];
    const counter = () => {
      let seen: string[] = [];
      return {
        add: (url: string) => seen.push(url),
        take: (step: string) => {
          const row: RequestRow = { step, total: seen.length, site: 0, loginHost: 0, idp: 0, other: 0 };
          for (const url of seen) {
            const o = new URL(url).origin;
            if (o === demo.urls.site) row.site++;
            else if (o === new URL(demo.urls.loginHost).origin) row.loginHost++;
            else if (demo.urls.idp && o === demo.urls.idp) row.idp++;
            else row.other++;
          }
          seen = [];
          rows.push(row);
        },
      };
    };
    const owner = { name: 'Ada Lovelace', email: 'ada@example.test', accountName: 'Acme Corp' };
    const ownerContext = await stack.newContext();
    const c1 = counter();
    ownerContext.on('request', (r) => c1.add(r.url()));
    const ownerPage = await ownerContext.newPage();
    const onStep = (_page: Page, name: string) => Promise.resolve(c1.take(name));
    await storyOne(demo, ownerPage, owner, onStep);
    const link = await storyTwoAdmin(demo, ownerPage, owner, 'bob@acme.test', onStep);
    const bobContext = await stack.newContext();
    const c2 = counter();
    bobContext.on('request', (r) => c2.add(r.url()));
    const page = await acceptInvite(demo, bobContext, link, /Bob Builder/, (_p, name) => Promise.resolve(c2.take(name)));
    await page.waitForURL((url) => url.pathname === '/account.html', { timeout: 20_000 });
    await page.locator('#account-rows tr').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    c2.take('11-account-editor');
    return rows;
  } finally {
    await stack.close();
  }
}

// ── (d) backend throughput under autocannon ─────────────────────────────────────────────────
/** One endpoint against a fresh emulator + backend (in-memory), so one run's data does not slow the next. */
async function loadOne(endpoint: string, makePath: (accountId: string) => string, makeBody: (n: number) => string): Promise<LoadRow> {
  const emulator = await startEmulator({ port: 0 });
  const raised = { limit: 1_000_000, windowMs: 60_000 };
  const backend = await startBackend({
    port: 0, env: {}, authressUrl: emulator.url, authressAccessKey: emulator.accessKey, applicationId: emulator.applicationId,
    appUrl: 'http://localhost:5173', databasePath: ':memory:', outboxHttp: false, allowLoopbackIdp: true,
    rateLimits: { ...DEFAULT_RATE_LIMITS, accountsPerUser: raised, accountsPerIp: raised, inviteAddressesPerAccount: raised, inviteAddressesPerIp: raised },
  }, { logger: () => undefined });
  try {
    const { accessToken } = await emulator.mintUserToken({ sub: 'google|bench@example.test', email: 'bench@example.test', name: 'Bench' });
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${backend.url}/accounts`, {
      method: 'POST', headers: { ...auth, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ accountName: 'Bench Inc', contactName: 'Bench', contactEmail: 'bench@example.test' }),
    });
    if (created.status !== 201) throw new Error(`POST /accounts answered ${created.status}: ${await created.text()}`);
    const { account } = (await created.json()) as { account: { accountId: string } };
    const autocannon = ((await import(AUTOCANNON)) as { default: Autocannon }).default;
    let n = 0;
    return await new Promise<LoadRow>((resolve, reject) => {
      autocannon({
        url: `${backend.url}${makePath(account.accountId)}`, connections: LOAD_CONNECTIONS,
        // Bounded both ways: whichever comes first (autocannon's `amount` would override `duration`).
        duration: LOAD_SECONDS, maxOverallRequests: LOAD_MAX_REQUESTS,
        requests: [{ method: 'POST', setupRequest: (req: Record<string, unknown>) => ({ ...req, headers: { ...auth, 'idempotency-key': randomUUID() }, body: makeBody(++n) }) }],
      }, (error, result) => {
        if (error) return reject(error);
        resolve({
          endpoint, requests: result.requests.total, errors: result.errors, non2xx: result.non2xx,
          rps: round(result.requests.average, 0), p50: result.latency.p50, p99: result.latency.p99, seconds: round(result.duration, 1),
        });
      });
    });
  } finally {
    // autocannon stops at its bound with requests still in flight: let the backend finish them
    // (they call the emulator) before closing both.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await backend.close();
    await emulator.close();
  }
}

async function load(): Promise<LoadRow[]> {
  const accounts = await loadOne('POST /accounts', () => '/accounts',
    (n) => JSON.stringify({ accountName: `Load ${n}`, contactName: 'Bench', contactEmail: 'bench@example.test' }));
  const invites = await loadOne('POST /accounts/{id}/invites', (id) => `/accounts/${id}/invites`,
    (n) => JSON.stringify({ emails: [`user${n}@example.test`], roleId: 'Viewer' }));
  return [accounts, invites];
}

// ── report ───────────────────────────────────────────────────────────────────────────────────
function markdown(machine: Record<string, string | number>, size: SizeRow[], render: RenderRow[], requests: RequestRow[], loadRows: LoadRow[]): string {
  const table = (head: string[], rows: Array<Array<string | number>>) =>
    [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const floor = size.find((r) => r.name.startsWith('floor'))?.gzipBytes;
  return `# Performance

Measured by \`npm run bench\` (scripts/bench.ts) on ${machine.date}. Numbers are from one run on the
machine below; rerun the script to refresh this file and \`docs/performance.json\`.

**Machine:** ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.chromium}.

## (a) Size (gzip level 9, minified, every dependency inlined)

Floor: \`lit\` + \`@authress/login\` alone = **${floor ?? '?'} B** gzip. "(own)" rows are an element's cost on top of that floor.
Rows come from \`measureSizes()\` in scripts/size.mjs.

${table(['entry', 'min bytes', 'gzip bytes', 'budget'], size.map((r) => [r.name.trim(), r.rawBytes, r.gzipBytes, r.budgetBytes ?? '']))}

## (b) Script evaluation → first render in Chromium (median of ${RUNS} loads)

From \`performance.now()\` in the first module of the page (before lit and the element evaluate) to
the element's first \`updateComplete\` plus a forced layout. The baseline clones a \`<template>\` holding a
plain HTML form with the same fields, then forces layout. Login client and fetch are fakes, so this is
rendering only; the page is served with the demo's strict CSP.

${table(['element', 'element ms', 'plain form ms', 'ratio'], render.map((r) => [r.element, r.elementMs, r.baselineMs, `${r.ratio}×`]))}

## (c) HTTP requests from the browser per step (stories 1–2, the demo site)

Counted with Playwright \`context.on('request')\` between the steps of the e2e flows (test/e2e/demo/flows.ts);
each count covers what happened since the previous step (navigations, scripts, CSS, API calls, login host, IdP).
Static assets come from the built site, each page loads its own entry chunk plus shared chunks.

${table(['step (state reached)', 'total', 'site (pages + /api)', 'login host', 'corporate IdP', 'other'], requests.map((r) => [r.step, r.total, r.site, r.loginHost, r.idp, r.other]))}

## (d) Reference backend under load (autocannon, loopback)

${LOAD_CONNECTIONS} connections, at most ${LOAD_SECONDS} s and ${LOAD_MAX_REQUESTS} requests per endpoint, a fresh
\`Idempotency-Key\` per request, user token minted by the emulator, rate limits raised for the run. The
backend talks to the local emulator (in-memory SQLite for both), so each request includes real
Authress SDK calls over loopback HTTP. Each endpoint runs against a fresh emulator + backend.

${table(['endpoint', 'requests', 'errors', 'non-2xx', 'req/s (mean)', 'p50 ms', 'p99 ms', 'seconds'], loadRows.map((r) => [r.endpoint, r.requests, r.errors, r.non2xx, r.rps, r.p50, r.p99, r.seconds]))}
`;
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log('(a) sizes…');
  const size = await sizes();
  console.log('(b) first render…');
  const browser = await launchChromium();
  const chromium = `Chromium ${browser.version()}`;
  let render: RenderRow[];
  try {
    render = await renderTimes(browser);
  } finally {
    await browser.close();
  }
  console.log('(c) requests per step…');
  const requests = await requestCounts();
  console.log('(d) backend load…');
  const loadRows = await load();

  const machine = {
    date: new Date().toISOString().slice(0, 10), cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, chromium,
  };
  const md = markdown(machine, size, render, requests, loadRows);
  writeFileSync(join(REPO_ROOT, 'docs/performance.json'), `${JSON.stringify({ machine, sizes: size, firstRender: render, requestsPerStep: requests, backendLoad: loadRows }, null, 2)}\n`);
  writeFileSync(join(REPO_ROOT, 'docs/performance.md'), md);
  console.log(`\n${md}\nWrote docs/performance.md and docs/performance.json in ${round((Date.now() - started) / 1000, 1)} s.`);
}

await main();
