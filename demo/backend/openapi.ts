// Request and response validation compiled once from docs/openapi.yaml, the single source of truth.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { FieldProblem } from './problems.js';

export const OPENAPI_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/openapi.yaml');
const CONTRACT_ID = 'contract';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const FORMAT_CODES: Record<string, string> = { email: 'invalid-email', uri: 'invalid-url', hostname: 'invalid-domain' };

function fieldProblem(error: ErrorObject): FieldProblem {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': return { pointer: `${at}/${escapePointer(String(params['missingProperty']))}`, code: 'required', detail: 'This field is required.' };
    case 'additionalProperties': return { pointer: `${at}/${escapePointer(String(params['additionalProperty']))}`, code: 'unknown-field', detail: 'This field is not accepted.' };
    case 'minLength':
    case 'minItems': return Number(params['limit']) <= 1
      ? { pointer: at, code: 'required', detail: 'This field is required.' }
      : { pointer: at, code: 'too-short', detail: `Must have at least ${String(params['limit'])}.` };
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties': return { pointer: at, code: 'too-long', detail: `Must have at most ${String(params['limit'])}.` };
    case 'format': return { pointer: at, code: FORMAT_CODES[String(params['format'])] ?? 'invalid-value', detail: `Must be a valid ${String(params['format'])}.` };
    case 'discriminator': return { pointer: `${at}/${escapePointer(String(params['tag']))}`, code: 'invalid-value', detail: 'Unknown type.' };
    case 'propertyNames': return { pointer: `${at}/${escapePointer(String(params['propertyName']))}`, code: 'invalid-value', detail: 'Invalid field name.' };
    default: return { pointer: at, code: 'invalid-value', detail: 'Invalid value.' };
  }
}

export interface Operation { operationId: string; method: string; path: string; requiredPermission?: string; definition: Json }

export class Contract {
  readonly document: Json;
  readonly operations = new Map<string, Operation>();
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(path = OPENAPI_PATH) {
    this.document = parse(readFileSync(path, 'utf8')) as Json;
    // ajv's discriminator support rejects `mapping`; the `const` on each branch carries the same information.
    const schema = structuredClone(this.document);
    const input = ((schema['components'] as Json)['schemas'] as Json)['SsoConfigurationInput'] as Json | undefined;
    if (input?.['discriminator']) delete (input['discriminator'] as Json)['mapping'];
    this.ajv = new Ajv2020({ strict: false, allErrors: true, discriminator: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...schema, $id: CONTRACT_ID });
    for (const [path, item] of Object.entries(this.document['paths'] as Json)) {
      for (const [method, definition] of Object.entries(item as Json)) {
        const op = definition as Json;
        if (typeof op !== 'object' || op === null) continue;
        const operationId = op['operationId'];
        if (typeof operationId !== 'string' || !operationId) continue;
        const text = typeof op['x-required-permission'] === 'string' ? op['x-required-permission'] : '';
        const permission = /^([a-z]+:[a-z]+) on Accounts\//.exec(text)?.[1];
        this.operations.set(operationId, { operationId, method: method.toUpperCase(), path, requiredPermission: permission, definition: op });
      }
    }
  }

  private validator(pointer: string): ValidateFunction {
    let fn = this.cache.get(pointer);
    if (!fn) {
      fn = this.ajv.getSchema(`${CONTRACT_ID}#${pointer}`);
      if (!fn) throw new Error(`No schema at ${pointer} in openapi.yaml`);
      this.cache.set(pointer, fn);
    }
    return fn;
  }

  /** Compiles every schema used by requests and responses now, so a broken contract fails at startup. */
  precompile(): void {
    for (const name of Object.keys((this.document['components'] as Json)['schemas'] as Json)) this.validator(`/components/schemas/${name}`);
  }

  /** Field problems for a value against a named component schema (empty when valid). */
  check(schemaName: string, value: unknown): FieldProblem[] {
    const fn = this.validator(`/components/schemas/${schemaName}`);
    if (fn(value)) return [];
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    for (const error of fn.errors ?? []) {
      // Combinator summaries and the inner errors of propertyNames (reported by their own keyword) add nothing.
      if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if' || error.propertyName !== undefined) continue;
      const problem = fieldProblem(error);
      if (seen.has(problem.pointer)) continue;
      seen.add(problem.pointer);
      problems.push(problem);
    }
    return problems;
  }

  permissionFor(operationId: string): string {
    const permission = this.operations.get(operationId)?.requiredPermission;
    if (!permission) throw new Error(`openapi.yaml declares no x-required-permission for ${operationId}`);
    return permission;
  }

  /** Why a response does not match the contract, or undefined when it does. */
  checkResponse(operationId: string | undefined, status: number, contentType: string | null, body: string): string | undefined {
    let schemaPointer: string | undefined;
    let expectBody = true;
    if (operationId) {
      const op = this.operations.get(operationId);
      if (!op) return `unknown operation ${operationId}`;
      const responses = op.definition['responses'] as Json;
      const key = String(status) in responses ? String(status) : 'default';
      let response = responses[key] as Json | undefined;
      if (!response) return `status ${status} is not declared for ${operationId}`;
      let base = `/paths/${escapePointer(op.path)}/${op.method.toLowerCase()}/responses/${escapePointer(key)}`;
      if (typeof response['$ref'] === 'string') {
        base = String(response['$ref']).slice(1);
        response = ((this.document['components'] as Json)['responses'] as Json)[base.split('/').pop()!] as Json;
      }
      const content = response['content'] as Json | undefined;
      if (!content) expectBody = false;
      else {
        const mediaType = (contentType ?? '').split(';')[0].trim();
        if (!(mediaType in content)) return `content type ${mediaType || '(none)'} is not declared for ${operationId} ${status}`;
        schemaPointer = `${base}/content/${escapePointer(mediaType)}/schema`;
      }
    } else {
      // Responses outside any operation (unknown routes, 405, early failures) are always problems.
      if (status < 400) return undefined;
      if (!(contentType ?? '').startsWith('application/problem+json')) return `status ${status} is not problem+json`;
      schemaPointer = '/components/schemas/Problem';
    }
    if (!expectBody) return body.length === 0 ? undefined : `status ${status} must have no body`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return 'body is not JSON';
    }
    const fn = this.validator(schemaPointer!);
    if (!fn(parsed)) return `body does not match ${schemaPointer}: ${this.ajv.errorsText(fn.errors)}`;
    if (status >= 400 && (parsed as Json)['status'] !== status) return 'problem status differs from the HTTP status';
    return undefined;
  }
}
