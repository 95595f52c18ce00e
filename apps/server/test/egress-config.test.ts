/** PULSE_EGRESS_* settings become the process's egress policy; a bad allow list stops start-up. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@pulse/core';
import { egressFromConfig } from '../src/config/egress.ts';

const quiet = { warn: () => {} };

describe('egress settings', () => {
  it('builds the policy from the allow list and limits', async () => {
    const config = parseConfig({
      PULSE_EGRESS_ALLOW: ' ghe.corp.example, 10.20.0.0/16 ',
      PULSE_EGRESS_MAX_RESPONSE_BYTES: '4096',
      PULSE_EGRESS_CHECK_TIMEOUT_MS: '2500',
    });
    const egress = egressFromConfig(config, quiet);
    expect(egress.verdict('x.test', '10.20.1.1')).toBeUndefined();
    expect(egress.verdict('ghe.corp.example', '192.168.0.1')).toBeUndefined();
    expect(egress.verdict('x.test', '192.168.0.1')).toMatchObject({ range: 'private' });
    expect(egress.limits).toMatchObject({ maxResponseBytes: 4096, checkTimeoutMs: 2500, timeoutMs: 30_000 });
    await egress.close();
  });

  it('denies private addresses when nothing is allowed', async () => {
    const egress = egressFromConfig(parseConfig({}), quiet);
    expect(egress.verdict('x.test', '127.0.0.1')).toMatchObject({ range: 'loopback' });
    expect(egress.limits).toMatchObject({
      maxResponseBytes: 20 * 1024 * 1024,
      checkMaxResponseBytes: 1024 * 1024,
    });
    await egress.close();
  });

  it('refuses an allow list entry that is not a host or a range, with EGRESS_ALLOW_INVALID', () => {
    expect(() => egressFromConfig(parseConfig({ PULSE_EGRESS_ALLOW: 'http://ghe/x' }), quiet)).toThrow(
      expect.objectContaining({ code: 'EGRESS_ALLOW_INVALID' }),
    );
    expect(() => egressFromConfig(parseConfig({ PULSE_EGRESS_ALLOW: '10.0.0.0/40' }), quiet)).toThrow(
      expect.objectContaining({ code: 'EGRESS_ALLOW_INVALID' }),
    );
  });
});
