import { describe, expect, it } from 'vitest';
import { createLogger, SecretScrubber } from './logger.ts';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => lines.push(line) } };
}

describe('logger redaction', () => {
  it('replaces secret-bearing keys at any depth', () => {
    const out = capture();
    const log = createLogger({ level: 'info', scrubber: new SecretScrubber(), destination: out.destination });
    log.info(
      {
        password: 'pw-123456',
        token: 'ghp_tokenvalue',
        integration: { secrets: { token: 'nested' }, apiKey: 'pk_live_123' },
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
      },
      'connecting',
    );
    const text = out.lines.join('');
    for (const secret of ['pw-123456', 'ghp_tokenvalue', 'nested', 'pk_live_123', 'Bearer abc.def.ghi']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
    expect(text).toContain('connecting');
  });

  it('removes registered secret values wherever they appear: messages, errors, unknown keys', () => {
    const out = capture();
    const scrubber = new SecretScrubber();
    scrubber.add('s3cr3t-db-password');
    scrubber.add('quote"and\\slash-secret');
    scrubber.add('abc'); // too short to scrub safely: ignored
    const log = createLogger({ level: 'info', scrubber, destination: out.destination });
    log.error(
      { err: new Error('auth failed for s3cr3t-db-password'), note: 'quote"and\\slash-secret' },
      'login s3cr3t-db-password',
    );
    const text = out.lines.join('');
    expect(text).not.toContain('s3cr3t-db-password');
    expect(text).not.toContain('slash-secret');
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(out.lines[0]!).msg).toBe('login [redacted]');
  });

  it('writes one JSON object per line with level, time and message', () => {
    const out = capture();
    createLogger({ level: 'info', scrubber: new SecretScrubber(), destination: out.destination }).info(
      { n: 1 },
      'hello',
    );
    expect(JSON.parse(out.lines[0]!)).toMatchObject({ level: 30, msg: 'hello', n: 1, service: 'pulse' });
  });
});
