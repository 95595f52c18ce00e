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
  | { readonly kind: 'record'; readonly record: NormalisedRecord }
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
  const parsed = normalisedRecord.safeParse(value);
  if (parsed.success) return { kind: 'record', record: parsed.data };
  // The most useful issue first: the one deepest into the record (the field actually wrong).
  const issue = [...parsed.error.issues].sort((a, b) => b.path.length - a.path.length)[0]!;
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more issue(s))` : '';
  return invalid(issue.path.length > 0 ? issue.path.join('.') : '(record)', issue.message + more);
}

function invalid(path: string, message: string): ParsedLine {
  return { kind: 'invalid', issue: { path, message } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
