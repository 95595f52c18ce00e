import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { PulseError } from './errors.ts';

function failure(raw: Record<string, unknown>): PulseError {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof PulseError) return error;
    throw error;
  }
  throw new Error('expected parseConfig to fail');
}

describe('parseConfig', () => {
  it('applies defaults: embedded database, local address, port 3000', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: undefined,
      PULSE_DATA_DIR: './.pulse/data',
      PULSE_SECRET_KEY_FILE: './.pulse/secret.key',
      HOST: '127.0.0.1',
      PORT: 3000,
      LOG_LEVEL: 'info',
      DATABASE_POOL_MAX: 10,
    });
  });

  it('accepts good values and coerces numbers', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgresql://u:p@db.internal:6432/pulse',
      PORT: '8080',
      LOG_LEVEL: 'debug',
    });
    expect(config.DATABASE_URL).toBe('postgresql://u:p@db.internal:6432/pulse');
    expect(config.PORT).toBe(8080);
    expect(config.LOG_LEVEL).toBe('debug');
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PULSE_SECRET_KEY: '  ' })).toMatchObject({
      DATABASE_URL: undefined,
      PULSE_SECRET_KEY: undefined,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'CONFIG_INVALID', /^PORT must be a whole number \(got "abc"\)\.$/, 'PORT=3000'],
    [{ PORT: '70000' }, 'CONFIG_INVALID', /^PORT must be between 0 and 65535/, 'PORT=3000'],
    [{ LOG_LEVEL: 'loud' }, 'CONFIG_INVALID', /^LOG_LEVEL must be one of fatal, error/, 'LOG_LEVEL=debug'],
    [
      { DATABASE_POOL_MAX: '0' },
      'CONFIG_INVALID',
      /^DATABASE_POOL_MAX must be at least 1/,
      'DATABASE_POOL_MAX=10',
    ],
    [
      { DATABASE_URL: 'mysql://root@db/x' },
      'DATABASE_URL_INVALID',
      /^DATABASE_URL must be a URL of the form/,
      'DATABASE_URL=postgres://',
    ],
    [
      { DATABASE_URL: 'not a url' },
      'DATABASE_URL_INVALID',
      /^DATABASE_URL must be a URL/,
      'DATABASE_URL=postgres://',
    ],
  ])('rejects %j with %s, naming the setting and a good example', (raw, code, message, example) => {
    const error = failure(raw);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.hint).toContain(`Example: ${example}`);
  });

  it('takes trusted proxies as a list and refuses to trust every hop', () => {
    expect(parseConfig({}).PULSE_TRUST_PROXY).toEqual([]);
    expect(parseConfig({ PULSE_TRUST_PROXY: 'false' }).PULSE_TRUST_PROXY).toEqual([]);
    expect(
      parseConfig({ PULSE_TRUST_PROXY: ' 10.0.0.1, 192.168.0.0/16,loopback,fd00::/8 ' }).PULSE_TRUST_PROXY,
    ).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback', 'fd00::/8']);
    const everyHop = failure({ PULSE_TRUST_PROXY: 'true' });
    expect(everyHop.code).toBe('CONFIG_INVALID');
    expect(everyHop.message).toMatch(/^PULSE_TRUST_PROXY must list the proxies .*every hop/);
    expect(everyHop.hint).toContain('Example: PULSE_TRUST_PROXY=10.0.0.1,192.168.0.0/16');
    for (const bad of ['10.0.0.300', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2'])
      expect(failure({ PULSE_TRUST_PROXY: bad }).message, bad).toMatch(/must be IP addresses or CIDR/);
  });

  it('never echoes the value of a secret setting', () => {
    const error = failure({ DATABASE_URL: 'postgres-ish://admin:TopSecret99@db/x' });
    expect(error.message).not.toContain('TopSecret99');
    expect(error.hint).not.toContain('TopSecret99');
  });
});
