#!/usr/bin/env node
// CI check for the backend contract:
//  1. docs/openapi.yaml is a valid OpenAPI document (@seriousme/openapi-schema-validator);
//  2. src/core/api/schema.d.ts equals fresh `openapi-typescript docs/openapi.yaml` output.
// Exit 1 with a clear message when either fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = join(root, 'docs/openapi.yaml');
const generated = join(root, 'src/core/api/schema.d.ts');
const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js');
let failed = false;

const validator = new Validator();
const result = await validator.validate(spec);
if (result.valid) {
  console.log(`ok   ${relative(root, spec)} is valid OpenAPI ${validator.version}`);
} else {
  failed = true;
  console.error(`FAIL ${relative(root, spec)} is not valid OpenAPI:`);
  console.error(JSON.stringify(result.errors, null, 2));
}

const scratch = mkdtempSync(join(tmpdir(), 'check-contract-'));
try {
  const fresh = join(scratch, 'schema.d.ts');
  const run = spawnSync(process.execPath, [cli, spec, '-o', fresh], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    failed = true;
    console.error(`FAIL openapi-typescript could not generate types:\n${run.stderr || run.stdout}`);
  } else {
    let current = '';
    try {
      current = readFileSync(generated, 'utf8');
    } catch {
      current = '';
    }
    if (current === readFileSync(fresh, 'utf8')) {
      console.log(`ok   ${relative(root, generated)} matches docs/openapi.yaml`);
    } else {
      failed = true;
      console.error(`FAIL ${relative(root, generated)} is stale or missing: it differs from openapi-typescript output for docs/openapi.yaml.`);
      console.error('     Run `npm run gen:api` and commit the result.');
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

process.exit(failed ? 1 : 0);
