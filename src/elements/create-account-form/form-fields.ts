import { isEmail } from '../../core/validation.js';
import { messageForFieldCode } from '../../core/error-messages.js';
import { compilePattern, MAX_FIELD_VALUE_LENGTH, type ExtraField } from './extra-fields.js';
import type { CreateAccountFormMessages } from './create-account-form.i18n.js';

/**
 * The form's controls, built-in and extra, described the same way so one routine validates and
 * reads them. `pointer` is where the value goes in the body (and where server errors point).
 */
export interface ControlSpec extends Omit<ExtraField, 'name' | 'label'> {
  pointer: string;
  id: string;
  /** Ids of the hint and the error text; never equal to another control's (or its hint's) id. */
  hintId: string;
  errorId: string;
}

export const BUILT_IN = {
  accountName: { pointer: '/accountName', id: 'account-name', hintId: 'account-name-hint', errorId: 'account-name-error', type: 'text', required: true, maxlength: 100, autocomplete: 'organization' },
  contactName: { pointer: '/contactName', id: 'contact-name', hintId: 'contact-name-hint', errorId: 'contact-name-error', type: 'text', required: true, maxlength: 100, autocomplete: 'name' },
  contactEmail: { pointer: '/contactEmail', id: 'contact-email', hintId: 'contact-email-hint', errorId: 'contact-email-error', type: 'email', required: true, maxlength: 254, autocomplete: 'email' },
} as const satisfies Record<string, ControlSpec>;

export function specOf(field: ExtraField): ControlSpec {
  // Names may contain `-` (`vat` and `vat-hint`), never `.`: the suffixes keep ids distinct.
  const id = `field-${field.name}`;
  return { ...field, pointer: `/fields/${field.name}`, id, hintId: `${id}.hint`, errorId: `${id}.error`, maxlength: field.maxlength ?? MAX_FIELD_VALUE_LENGTH };
}

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The localized problem with a control's value, or '' when it is fine. */
export function problemOf(spec: ControlSpec, control: Control, m: CreateAccountFormMessages): string {
  if (spec.type === 'checkbox') return spec.required && !(control as HTMLInputElement).checked ? m.checkboxRequired : '';
  if (spec.type === 'number' && control.validity.badInput) return m.numberInvalid;
  const value = control.value.trim();
  if (!value) return spec.required ? (spec.type === 'select' ? m.selectRequired : messageForFieldCode('required', m)) : '';
  if (spec.maxlength !== undefined && value.length > spec.maxlength) return m.tooLong(spec.maxlength);
  if (spec.minlength !== undefined && value.length < spec.minlength) return m.tooShort(spec.minlength);
  switch (spec.type) {
    case 'email':
      if (!isEmail(value)) return messageForFieldCode('invalid-email', m);
      break;
    case 'url':
      if (!isHttpUrl(value)) return messageForFieldCode('invalid-url', m);
      break;
    case 'number': {
      const n = Number(value);
      if (!Number.isFinite(n)) return m.numberInvalid;
      if (spec.min !== undefined && n < spec.min) return m.numberTooSmall(spec.min);
      if (spec.max !== undefined && n > spec.max) return m.numberTooLarge(spec.max);
      break;
    }
    case 'select':
      if (!spec.options?.some((option) => option.value === value)) return messageForFieldCode('invalid-value', m);
      break;
  }
  if (spec.pattern && !compilePattern(spec.pattern)?.test(value)) return m.patternMismatch;
  return '';
}

/** The typed value to send, or undefined to leave an empty optional field out. */
export function valueOf(spec: ControlSpec, control: Control): string | number | boolean | undefined {
  if (spec.type === 'checkbox') return (control as HTMLInputElement).checked;
  const value = control.value.trim();
  if (!value) return undefined;
  return spec.type === 'number' ? Number(value) : value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `/fields/vatId` → `/fields/vatId` with RFC 6901 escapes (`~1`, `~0`) decoded. */
export function decodePointer(pointer: string): string {
  return pointer.replace(/~1/g, '/').replace(/~0/g, '~');
}
