/**
 * Extra fields an embedder declares on `<create-account-form>` (the `fields` attribute or
 * property). Declarations are checked against the contract's limits before anything renders, so
 * a typo in the page's HTML shows a configuration error instead of a half-working form.
 */

export type ExtraFieldType = 'text' | 'email' | 'tel' | 'url' | 'number' | 'select' | 'checkbox' | 'textarea';

export interface ExtraFieldOption {
  value: string;
  label: string;
}

/** One extra field. Its value is sent as `fields[name]`: numbers as numbers, checkboxes as booleans. */
export interface ExtraField {
  /** `^[A-Za-z][A-Za-z0-9_-]{0,39}$` (the contract's limit). */
  name: string;
  label: string;
  /** Default `text`. */
  type?: ExtraFieldType;
  required?: boolean;
  /** Help text shown under the field (plain text). */
  hint?: string;
  /** Choices of a `select` (required for that type). */
  options?: ExtraFieldOption[];
  /** A regular expression the whole value must match (like the HTML `pattern` attribute). */
  pattern?: string;
  maxlength?: number;
  minlength?: number;
  /** Bounds of a `number`. */
  min?: number;
  max?: number;
  step?: number;
  /** An `autocomplete` token, e.g. `organization-title`. Default `off`. */
  autocomplete?: string;
}

/** The contract's limits (docs/openapi.yaml, NewAccount.fields). */
export const MAX_EXTRA_FIELDS = 20;
export const MAX_FIELD_VALUE_LENGTH = 500;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const TYPES: readonly ExtraFieldType[] = ['text', 'email', 'tel', 'url', 'number', 'select', 'checkbox', 'textarea'];

/** What the `fields` attribute holds when its JSON does not parse. */
export class InvalidFieldsJson {
  constructor(readonly reason: string) {}
}

/** Lit attribute converter: JSON, or an InvalidFieldsJson marker (never throws). */
export const fieldsConverter = {
  fromAttribute(value: string | null): unknown {
    if (value == null || value.trim() === '') return [];
    try {
      return JSON.parse(value) as unknown;
    } catch (error) {
      return new InvalidFieldsJson(error instanceof Error ? error.message : String(error));
    }
  },
};

export type FieldsCheck = { fields: ExtraField[]; error?: undefined } | { fields: []; error: string };

/** Checks declarations; `error` is a developer-facing explanation (for the console). */
export function checkExtraFields(value: unknown): FieldsCheck {
  if (value == null) return { fields: [] };
  if (value instanceof InvalidFieldsJson) return { fields: [], error: `the fields attribute is not valid JSON (${value.reason})` };
  if (!Array.isArray(value)) return { fields: [], error: 'fields must be a JSON array of field declarations' };
  if (value.length > MAX_EXTRA_FIELDS) return { fields: [], error: `at most ${MAX_EXTRA_FIELDS} extra fields are allowed, got ${value.length}` };
  const seen = new Set<string>();
  const fields: ExtraField[] = [];
  for (const [index, item] of value.entries()) {
    const problem = checkOne(item);
    if (problem) return { fields: [], error: `fields[${index}]: ${problem}` };
    const field = item as ExtraField;
    if (seen.has(field.name)) return { fields: [], error: `fields[${index}]: duplicate name "${field.name}"` };
    seen.add(field.name);
    fields.push(field);
  }
  return { fields };
}

function checkOne(item: unknown): string | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return 'must be an object';
  const field = item as Record<string, unknown>;
  if (typeof field.name !== 'string' || !FIELD_NAME.test(field.name)) return `name must match ${FIELD_NAME.source}`;
  if (typeof field.label !== 'string' || !field.label.trim()) return 'label must be a non-empty string';
  const type = field.type ?? 'text';
  if (!TYPES.includes(type as ExtraFieldType)) return `type must be one of ${TYPES.join(', ')}`;
  for (const key of ['required'] as const) {
    if (field[key] !== undefined && typeof field[key] !== 'boolean') return `${key} must be true or false`;
  }
  for (const key of ['hint', 'pattern', 'autocomplete'] as const) {
    if (field[key] !== undefined && typeof field[key] !== 'string') return `${key} must be a string`;
  }
  for (const key of ['maxlength', 'minlength'] as const) {
    const n = field[key];
    if (n !== undefined && (!Number.isInteger(n) || (n as number) < 0 || (n as number) > MAX_FIELD_VALUE_LENGTH)) {
      return `${key} must be an integer from 0 to ${MAX_FIELD_VALUE_LENGTH}`;
    }
  }
  for (const key of ['min', 'max', 'step'] as const) {
    if (field[key] !== undefined && (typeof field[key] !== 'number' || !Number.isFinite(field[key]))) return `${key} must be a number`;
  }
  if (typeof field.pattern === 'string' && !compilePattern(field.pattern)) return 'pattern is not a valid regular expression';
  if (type === 'select') {
    const options = field.options;
    if (!Array.isArray(options) || options.length === 0) return 'a select needs a non-empty options array';
    for (const option of options) {
      if (!option || typeof option !== 'object') return 'each option must be { value, label }';
      const { value, label } = option as Record<string, unknown>;
      if (typeof value !== 'string' || typeof label !== 'string') return 'each option must be { value: string, label: string }';
    }
  } else if (field.options !== undefined) {
    return 'options are only for type "select"';
  }
  return undefined;
}

/** Compiles a pattern the way the HTML `pattern` attribute does (whole value, `v` flag). */
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'v');
  } catch {
    return null;
  }
}
