/**
 * Text PostgreSQL cannot store: U+0000 (rejected in text and in jsonb) and lone UTF-16 surrogates
 * (not encodable as UTF-8). A source record carrying one would fail its whole page, and so its
 * partition on every run. `cleanDeep` removes U+0000 and replaces each lone surrogate by U+FFFD in
 * every string of a value (object keys included), and says whether anything changed, so the record
 * is kept and counted instead of lost.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one; or U+0000.
// eslint-disable-next-line no-control-regex -- U+0000 is what is removed
const invalid = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
// eslint-disable-next-line no-control-regex -- as above
const invalidTest = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** `text` without U+0000 and with lone surrogates replaced by U+FFFD. */
export function cleanText(text: string): string {
  if (!invalidTest.test(text)) return text;
  return text.replace(invalid, (c) => (c === '\u0000' ? '' : '\uFFFD'));
}

/** `value` with `cleanText` applied to every string in it; `changed` is false when it was clean. */
export function cleanDeep<T>(value: T): { value: T; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const cleaned = cleanText(v);
      if (cleaned !== v) changed = true;
      return cleaned;
    }
    if (Array.isArray(v)) {
      const out = v.map(walk);
      return out.some((item, i) => item !== v[i]) ? out : v;
    }
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      let copy: Record<string, unknown> | undefined;
      const entries = Object.entries(v);
      for (const [key, item] of entries) {
        const k = cleanText(key);
        const w = walk(item);
        if (k !== key) changed = true;
        if (copy === undefined && (k !== key || w !== item)) {
          copy = {};
          for (const [earlier, e] of entries) {
            if (earlier === key) break;
            copy[earlier] = e;
          }
        }
        if (copy !== undefined) copy[k] = w;
      }
      return copy ?? v;
    }
    return v;
  };
  const result = walk(value) as T;
  return { value: result, changed };
}
