import { expect, it } from 'vitest';
import { readLines, type Line } from './read-lines.ts';

async function collect(chunks: string[], max = 100): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of readLines(
    (async function* () {
      for (const c of chunks) yield Buffer.from(c);
    })(),
    max,
  ))
    lines.push(line);
  return lines;
}

it('splits lines across chunk boundaries, LF and CRLF, with a last line lacking a newline', async () => {
  expect(await collect(['a', 'b\r\nc', 'd\n\n', 'é', 'x'])).toEqual([
    { number: 1, text: 'ab' },
    { number: 2, text: 'cd' },
    { number: 3, text: '' },
    { number: 4, text: 'éx' },
  ]);
});

it('keeps a multi-byte character split between chunks intact', async () => {
  const bytes = Buffer.from('ü\n');
  const chunks = async function* () {
    yield bytes.subarray(0, 1);
    yield bytes.subarray(1);
  };
  const lines: Line[] = [];
  for await (const line of readLines(chunks(), 10)) lines.push(line);
  expect(lines).toEqual([{ number: 1, text: 'ü' }]);
});

it('skips a line longer than the limit without buffering it, and goes on', async () => {
  expect(await collect(['ok\n', 'y'.repeat(60), 'y'.repeat(60), '\nnext\n'], 100)).toEqual([
    { number: 1, text: 'ok' },
    { number: 2, tooLong: 120 },
    { number: 3, text: 'next' },
  ]);
});
