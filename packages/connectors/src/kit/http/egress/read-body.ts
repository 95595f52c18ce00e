/**
 * Reading a response body under a size limit: the body is streamed and the read stops (and the
 * connection is dropped) as soon as the limit is passed, so a source answering with hundreds of
 * megabytes costs at most the limit in memory, not the whole body.
 */
import { PulseError } from '@pulse/core';

interface StreamingResponse {
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}

/** The body as text; EGRESS_RESPONSE_TOO_LARGE once more than `maxBytes` arrived (or are announced). */
export async function readLimitedText(
  response: StreamingResponse,
  maxBytes: number,
  where: string,
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(where, maxBytes);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(where, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

function tooLarge(where: string, maxBytes: number): PulseError {
  return new PulseError('EGRESS_RESPONSE_TOO_LARGE', {
    message: `${where} answered with more than ${maxBytes} bytes; the rest was not read.`,
  });
}
