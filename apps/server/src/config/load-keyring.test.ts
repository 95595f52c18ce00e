import { mkdtempSync, rmSync, statSync, chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSecretKey, parseConfig, parseSecretKey } from '@pulse/core';
import { loadKeyring } from './load-keyring.ts';

const dir = mkdtempSync(join(tmpdir(), 'pulse-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadKeyring', () => {
  it('embedded mode: generates a 0600 key file once, warns, and reuses it afterwards', () => {
    const path = join(dir, 'sub', 'secret.key');
    const config = parseConfig({ PULSE_SECRET_KEY_FILE: path });
    const first = loadKeyring(config);
    expect(first.source).toBe(path);
    expect(first.warnings.join(' ')).toMatch(/Generated a new secret key/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = loadKeyring(config);
    expect(second.warnings).toEqual([]);
    expect(second.keyring.current.id).toBe(first.keyring.current.id);
  });

  it('does not create the file when asked not to (doctor)', () => {
    const config = parseConfig({ PULSE_SECRET_KEY_FILE: join(dir, 'absent.key') });
    expect(() => loadKeyring(config, { create: false })).toThrow(
      expect.objectContaining({ code: 'SECRET_KEY_MISSING' }),
    );
  });

  it('warns about a key file others can read, and rejects one holding no valid key', () => {
    const loose = join(dir, 'loose.key');
    writeFileSync(loose, generateSecretKey() + '\n');
    chmodSync(loose, 0o644);
    expect(loadKeyring(parseConfig({ PULSE_SECRET_KEY_FILE: loose })).warnings.join(' ')).toMatch(
      /chmod 600/,
    );
    const empty = join(dir, 'empty.key');
    writeFileSync(empty, '# nothing\n', { mode: 0o600 });
    expect(() => loadKeyring(parseConfig({ PULSE_SECRET_KEY_FILE: empty }))).toThrow(
      expect.objectContaining({ code: 'SECRET_KEY_INVALID' }),
    );
  });

  it('server mode: requires PULSE_SECRET_KEY and never falls back to a generated file', () => {
    const path = join(dir, 'never.key');
    const config = parseConfig({ DATABASE_URL: 'postgres://u@h/db', PULSE_SECRET_KEY_FILE: path });
    expect(() => loadKeyring(config)).toThrow(expect.objectContaining({ code: 'SECRET_KEY_MISSING' }));
    expect(() => readFileSync(path)).toThrow();
  });

  it('takes the current key from PULSE_SECRET_KEY and older ones from PULSE_SECRET_KEY_PREVIOUS', () => {
    const [current, old1, old2] = [generateSecretKey(), generateSecretKey(), generateSecretKey()];
    const keys = loadKeyring(
      parseConfig({ PULSE_SECRET_KEY: current, PULSE_SECRET_KEY_PREVIOUS: `${old1}, ${old2}` }),
    );
    expect(keys.keyring.current.id).toBe(parseSecretKey(current).id);
    expect([...keys.keyring.keys.keys()]).toEqual([current, old1, old2].map((k) => parseSecretKey(k).id));
    expect(() =>
      loadKeyring(parseConfig({ PULSE_SECRET_KEY: current, PULSE_SECRET_KEY_PREVIOUS: 'bad' })),
    ).toThrow(
      expect.objectContaining({
        code: 'SECRET_KEY_INVALID',
        message: expect.stringContaining('PULSE_SECRET_KEY_PREVIOUS'),
      }),
    );
  });
});
