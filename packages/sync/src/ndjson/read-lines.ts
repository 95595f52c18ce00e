/**
 * Splits a byte stream into lines without ever holding more than one line (up to `maxBytes`) in
 * memory: a 1 GB file streams through, and a runaway line is skipped, not buffered.
 */

export type Line =
  | { readonly number: number; readonly text: string }
  | { readonly number: number; readonly tooLong: number }
  | { readonly number: number; readonly badUtf8: true };

/**
 * Lines of `stream` (LF or CRLF), numbered from 1; a line longer than maxBytes yields its size,
 * one that is not valid UTF-8 says so: decoding it leniently would turn the
 * bytes into U+FFFD and store a record nobody wrote.
 */
export async function* readLines(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let dropped = false;
  let number = 0;
  const finish = (): Line => {
    number += 1;
    const line: Line = dropped ? { number, tooLong: size } : decode(number, Buffer.concat(parts, size));
    parts = [];
    size = 0;
    dropped = false;
    return line;
  };
  for await (const chunk of stream) {
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    while (start < bytes.length) {
      const newline = bytes.indexOf(10, start);
      const end = newline === -1 ? bytes.length : newline;
      size += end - start;
      if (size > maxBytes) dropped = true;
      if (!dropped) parts.push(bytes.subarray(start, end));
      if (newline === -1) break;
      yield finish();
      start = newline + 1;
    }
  }
  if (size > 0 || parts.length > 0) yield finish();
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(number: number, bytes: Buffer): Line {
  try {
    return { number, text: stripCr(utf8.decode(bytes)) };
  } catch {
    return { number, badUtf8: true };
  }
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
