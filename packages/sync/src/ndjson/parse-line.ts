/** One NDJSON line → a validated record, the header, or what is wrong with it. */
import { normalisedRecord, type NormalisedRecord } from '@pulse/core';

export const formatName = 'pulse-ndjson';
export const formatVersion = 1;
/** The header line export writes first; import accepts it (only) as the first line. */
export const headerLine = { type: 'header', format: formatName, version: formatVersion } as const;

export interface LineIssue {
  readonly path: string;
  readonly message: string;
}

export type ParsedLine =
  /** `cleaned`: NUL characters or lone surrogates were taken out of its strings (see `clean`). */
  | { readonly kind: 'record'; readonly record: NormalisedRecord; readonly cleaned: boolean }
  | { readonly kind: 'header'; readonly format: unknown; readonly version: unknown }
  | { readonly kind: 'blank' }
  | { readonly kind: 'invalid'; readonly issue: LineIssue };

export function parseLine(text: string): ParsedLine {
  if (text.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return invalid('(line)', `not valid JSON: ${(error as Error).message}`);
  }
  if (isObject(value) && value.type === 'header')
    return { kind: 'header', format: value.format, version: value.version };
  const cleaning = { changed: false };
  const parsed = normalisedRecord.safeParse(clean(value, cleaning));
  if (parsed.success) return { kind: 'record', record: parsed.data, cleaned: cleaning.changed };
  // The most useful issue first: the one deepest into the record (the field actually wrong).
  const issue = [...parsed.error.issues].sort((a, b) => b.path.length - a.path.length)[0]!;
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more issue(s))` : '';
  return invalid(issue.path.length > 0 ? issue.path.join('.') : '(record)', issue.message + more);
}

const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `value` with NUL removed from every string (and key) and lone surrogates replaced by U+FFFD.
 * JSON may carry both (`"\u0000"`, `"\ud800"`); PostgreSQL stores neither in text or jsonb, and
 * one such record used to fail its whole batch and end the import. A title with a stray NUL is
 * still the title: the record is kept, and counted as cleaned.
 */
function clean(value: unknown, cleaning: { changed: boolean }): unknown {
  if (typeof value === 'string') {
    const text = value.replace(/\0/g, '').replace(loneSurrogates, '\uFFFD');
    if (text !== value) cleaning.changed = true;
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => clean(item, cleaning));
  if (isObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [clean(k, cleaning), clean(v, cleaning)]),
    );
  return value;
}

function invalid(path: string, message: string): ParsedLine {
  return { kind: 'invalid', issue: { path, message } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
