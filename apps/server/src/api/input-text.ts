/**
 * Text every route refuses, checked once for all routes before authentication and schemas:
 * NUL (U+0000), which PostgreSQL cannot store in text or jsonb (the query fails, the client saw a
 * 500), and lone UTF-16 surrogates, which are not Unicode text at all (JSON `"\ud800"`). Object
 * keys are checked as well as values: loose objects (integration config, branding) store theirs.
 */
import { PulseError } from '@pulse/core';

/** The path of the first string in `value` holding NUL or a lone surrogate, or null. */
export function findBadText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path;
  // Bodies are at most 1 MB, but a deep nesting must not overflow the stack.
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadText(value[i], `${path}.${i}`, depth + 1);
      if (bad !== null) return bad;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    // JSON.stringify escapes NUL and lone surrogates, so the path in the error is clean text.
    if (!isCleanText(key)) return `${path}.${JSON.stringify(key).slice(1, -1)}`;
    const bad = findBadText(item, `${path}.${key}`, depth + 1);
    if (bad !== null) return bad;
  }
  return null;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No NUL and no lone surrogate (String#isWellFormed is ES2024, beyond the project's lib). */
export function isCleanText(text: string): boolean {
  return !text.includes('\0') && !loneSurrogate.test(text);
}

/** Throws VALIDATION_FAILED naming the field when any part of the request holds bad text. */
export function assertCleanInput(parts: Readonly<Record<string, unknown>>): void {
  for (const [where, value] of Object.entries(parts)) {
    const path = findBadText(value, where);
    if (path === null) continue;
    throw new PulseError('VALIDATION_FAILED', {
      message: `${path}: contains a NUL character (U+0000) or a lone surrogate, which no text field accepts.`,
      hint: 'Remove the NUL characters and send valid Unicode text (UTF-8 on the wire).',
      path,
    });
  }
}
