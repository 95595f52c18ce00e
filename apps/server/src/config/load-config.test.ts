import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'pulse-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

describe('loadConfig', () => {
  it('reads the JSON file and lets the environment override it', () => {
    const path = file('ok.json', JSON.stringify({ PORT: 8080, HOST: '0.0.0.0', LOG_LEVEL: 'debug' }));
    const config = loadConfig({ PULSE_CONFIG_FILE: path, LOG_LEVEL: 'warn', UNRELATED: 'x' });
    expect(config).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', LOG_LEVEL: 'warn' });
  });

  it.each([
    ['missing.json', null, /cannot be read as JSON/],
    ['broken.json', '{ "PORT": ', /cannot be read as JSON/],
    ['array.json', '[1, 2]', /is not a JSON object/],
    ['unknown.json', '{ "PROT": 1 }', /unknown settings: PROT/],
  ])('rejects %s with CONFIG_FILE_INVALID', (name, body, message) => {
    const path = body === null ? join(dir, name) : file(name, body);
    expect(() => loadConfig({ PULSE_CONFIG_FILE: path })).toThrow(
      expect.objectContaining({ code: 'CONFIG_FILE_INVALID', message: expect.stringMatching(message) }),
    );
  });

  it('validates values from the file like values from the environment', () => {
    const path = file('bad-port.json', JSON.stringify({ PORT: 'eighty' }));
    expect(() => loadConfig({ PULSE_CONFIG_FILE: path })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
