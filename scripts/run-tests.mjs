#!/usr/bin/env node
/**
 * The project's test command (`npm test`): runs the suites one after the other and ends with one
 * plain line, `N passed, N failed`, summed over all of them.
 *
 *   node scripts/run-tests.mjs              unit (Chromium) + node + e2e
 *   node scripts/run-tests.mjs unit|node|e2e   one suite
 *
 * - unit: web-test-runner, test/unit/**\/*.test.ts in Debian's Chromium (CHROME_PATH overrides).
 * - node: node:test, test/node/**\/*.test.ts (emulator, backend, contract) against in-process servers.
 * - e2e:  node:test + playwright-core, test/e2e/**\/*.test.ts (real servers, real browser).
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const requested = process.argv.slice(2);
const suites = requested.length ? requested : ['unit', 'node', 'e2e'];

function findTests(dir) {
  const out = [];
  let entries;
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return out; // no such suite folder
  }
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const forward = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// Strips terminal control sequences so summary lines can be read.
// eslint-disable-next-line no-control-regex
const plain = (text) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

async function unit() {
  const { code, output } = await run('npx', ['web-test-runner']);
  const match = [...plain(output).matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
  if (!match) return { passed: 0, failed: 1 };
  const failed = Number(match[2]) + (code !== 0 && Number(match[2]) === 0 ? 1 : 0);
  return { passed: Number(match[1]), failed };
}

async function nodeSuite(dir) {
  const files = findTests(dir);
  if (!files.length) return { passed: 0, failed: 0 };
  const { code, output } = await run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
  const text = plain(output);
  const passed = Number(/^ℹ pass (\d+)/m.exec(text)?.[1] ?? 0);
  let failed = Number(/^ℹ fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^ℹ cancelled (\d+)/m.exec(text)?.[1] ?? 0);
  if (code !== 0 && failed === 0) failed = 1; // a file that could not load still fails the run
  return { passed, failed };
}

const runners = { unit, node: () => nodeSuite('test/node'), e2e: () => nodeSuite('test/e2e') };
let passed = 0;
let failed = 0;
const lines = [];
for (const suite of suites) {
  if (!runners[suite]) {
    console.error(`unknown suite "${suite}" (use unit, node or e2e)`);
    process.exit(2);
  }
  const started = Date.now();
  const result = await runners[suite]();
  passed += result.passed;
  failed += result.failed;
  lines.push(`${suite}: ${result.passed} passed, ${result.failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
