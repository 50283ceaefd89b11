/**
 * Turns a pasted list into addresses: separators are commas, semicolons, white space and new
 * lines; `Name <ada@acme.com>` and `"Lovelace, Ada" <ada@acme.com>` give the address. Trimmed,
 * lower-cased, deduplicated in input order. Invalid entries are kept (and reported), never dropped.
 */
import { isEmail } from '../../core/validation.js';

/** The contract's NewInvites.emails maxItems. */
export const MAX_INVITES = 50;

export interface ParsedEmails {
  /** Every distinct entry, valid or not, in input order. */
  entries: string[];
  valid: string[];
  invalid: string[];
}

export function parseEmails(text: string): ParsedEmails {
  const withoutQuotedNames = text.replace(/"[^"]*"/g, ' ');
  const tokens: string[] = [];
  for (const chunk of withoutQuotedNames.split(/[,;\n\r]+/)) {
    const bracketed = [...chunk.matchAll(/<([^<>]*)>/g)].map((match) => match[1]);
    if (bracketed.length) tokens.push(...bracketed);
    else tokens.push(...chunk.split(/\s+/));
  }
  const entries = [
    ...new Set(
      tokens
        .map((t) => t.trim().replace(/^mailto:/i, '').replace(/^[(<'"]+|[)>'".]+$/g, '').toLowerCase())
        .filter(Boolean),
    ),
  ];
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) (isEmail(entry) ? valid : invalid).push(entry);
  return { entries, valid, invalid };
}
