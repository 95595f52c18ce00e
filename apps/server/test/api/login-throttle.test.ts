/**
 * Failed-login throttling cannot be turned against an account's owner, and tells nothing about
 * which e-mails have accounts. Client addresses come from inject()'s remoteAddress.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { createTenant, createUser } from '@pulse/db';
import { buildApp, hashPassword } from '@pulse/server';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { silentLog } from './fixture.ts';

const password = 'the owner knows this one';

describeEachDb('Login throttling', (handle) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const keyring = createKeyring(parseSecretKey(generateSecretKey()));
    app = await buildApp({
      db: handle.db,
      log: silentLog,
      keyring,
      webRoot: null,
      http: { loginAttemptsPerMinute: 10_000 },
    });
    const tenant = await createTenant(handle.db, { slug: 'throttle' }, 'test');
    const passwordHash = await hashPassword(password);
    for (const email of ['victim@t.example', 'real@t.example', 'timing@t.example'])
      await createUser(handle.db, { tenant: tenant.slug, email, role: 'admin', passwordHash }, 'test');
  });
  afterAll(() => app?.close());

  const attempt = (email: string, pass: string, address: string, deviceToken?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: pass, ...(deviceToken === undefined ? {} : { deviceToken }) },
      remoteAddress: address,
    });

  it('a stranger guessing from many addresses does not keep the owner out of a known device', async () => {
    const owner = await attempt('victim@t.example', password, '192.0.2.1');
    expect(owner.statusCode).toBe(200);
    const deviceToken = owner.json<{ deviceToken: string }>().deviceToken;
    expect(deviceToken).toEqual(expect.any(String));

    // Five failures from one address: that address must wait, even with the right password.
    for (let i = 0; i < 5; i++)
      expect((await attempt('victim@t.example', 'guess', '203.0.113.1')).statusCode).toBe(401);
    expect((await attempt('victim@t.example', password, '203.0.113.1')).statusCode).toBe(429);
    // The stranger moves on to new addresses, one failure each, until the account is throttled too.
    for (let i = 2; i <= 20; i++) await attempt('victim@t.example', 'guess', `203.0.113.${i}`);
    const fresh = await attempt('victim@t.example', password, '203.0.113.99');
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json().error.code).toBe('LOGIN_RATE_LIMITED');
    // A new device of the owner waits as well; the owner's known device does not.
    expect((await attempt('victim@t.example', password, '192.0.2.2')).statusCode).toBe(429);
    const known = await attempt('victim@t.example', password, '192.0.2.2', deviceToken);
    expect(known.statusCode, known.body).toBe(200);
    // A device token is bound to its e-mail; a forged one is none.
    expect((await attempt('victim@t.example', password, '192.0.2.3', `${deviceToken}x`)).statusCode).toBe(
      429,
    );
    const realsDevice = (await attempt('real@t.example', password, '192.0.2.4')).json().deviceToken;
    expect((await attempt('victim@t.example', password, '192.0.2.4', realsDevice)).statusCode).toBe(429);
  });

  it('answers alike for an existing and an unknown e-mail, throttled or not', async () => {
    const seen = async (email: string, address: string) => {
      const answers = [];
      for (let i = 0; i < 8; i++) {
        const res = await attempt(email, 'wrong password', address);
        answers.push({ status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] });
      }
      return answers;
    };
    const existing = await seen('real@t.example', '198.51.100.1');
    const unknown = await seen('nobody@t.example', '198.51.100.2');
    expect(existing.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(unknown.map((a) => a.status)).toEqual(existing.map((a) => a.status));
    expect(unknown.map((a) => a.body)).toEqual(existing.map((a) => a.body));
    expect(unknown.map((a) => a.retryAfter)).toEqual(existing.map((a) => a.retryAfter));
    expect(existing[0]!.body.error.code).toBe('LOGIN_FAILED');
    expect(existing[5]!.body.error.code).toBe('LOGIN_RATE_LIMITED');
  });

  it('takes about as long for an unknown e-mail as for a wrong password', async () => {
    const time = async (email: string, address: string) => {
      const started = performance.now();
      expect((await attempt(email, 'not the password', address)).statusCode).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time('timing@t.example', `198.51.100.${10 + i}`));
      unknown.push(await time(`ghost${i}@t.example`, `198.51.100.${20 + i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both check an argon2id hash (a decoy for the unknown e-mail); without the decoy the unknown
    // e-mail would answer many times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
