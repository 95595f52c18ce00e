/**
 * Failed-login throttling that a stranger cannot turn against an account's owner. There is no
 * account lock: failures slow down further attempts of the same kind, with a delay that doubles
 * per failure beyond a free allowance, in three buckets:
 *
 * - pair: one e-mail from one address (or from one known device). Guessing one account from one
 *   place. The owner, elsewhere, is untouched.
 * - account: one e-mail from anywhere. Guessing one account from many addresses. A stranger can
 *   fill it, so a login that shows a device token of that account (auth/device-token.ts) skips it.
 * - address: any e-mail from one address. Trying many accounts from one place.
 *
 * Buckets are keyed by the e-mail as typed (normalised), never by whether it has an account: an
 * unknown e-mail is throttled exactly like a real one, so throttling tells nothing about which
 * accounts exist. Counts live in this process (a node counts its own attempts; N nodes behind a
 * balancer allow N times as many guesses) and are forgotten after `forgetMs` without failures.
 */

export interface BackoffOptions {
  /** Failures in a row answered at once; the one after them waits baseMs. */
  readonly free: number;
  /** Delay after the first failure beyond `free`; each further failure doubles it. */
  readonly baseMs: number;
  readonly maxMs: number;
  /** A bucket without failures for this long starts again from zero. */
  readonly forgetMs: number;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

const maxEntries = 50_000;

/** Progressive delay per key: `free` failures, then waits of baseMs, 2·baseMs, 4·baseMs … up to maxMs. */
export class Backoff {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly options: BackoffOptions) {}

  /** Milliseconds to wait before `key` may try again (0: now). */
  waitMs(key: string, now: number): number {
    const entry = this.live(key, now);
    return entry === undefined ? 0 : Math.max(0, entry.blockedUntil - now);
  }

  fail(key: string, now: number): void {
    const entry = this.live(key, now) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 };
    entry.failures += 1;
    entry.lastFailureAt = now;
    const beyond = entry.failures - this.options.free;
    if (beyond >= 0)
      entry.blockedUntil =
        now + Math.min(this.options.maxMs, this.options.baseMs * 2 ** Math.min(beyond, 30));
    this.entries.delete(key); // re-inserted last: the oldest entry is evicted first
    this.entries.set(key, entry);
    if (this.entries.size > maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && now - entry.lastFailureAt > this.options.forgetMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

export interface LoginAttempt {
  /** The e-mail as normalised for lookup (trimmed, lower case). */
  readonly email: string;
  readonly address: string;
  /** Set when the attempt shows a valid device token of this e-mail: an id of that device. */
  readonly device: string | null;
}

const minute = 60_000;

export const defaultThrottle = {
  pair: { free: 5, baseMs: 2_000, maxMs: 15 * minute, forgetMs: 60 * minute },
  account: { free: 20, baseMs: 2_000, maxMs: 5 * minute, forgetMs: 60 * minute },
  address: { free: 50, baseMs: 2_000, maxMs: 15 * minute, forgetMs: 60 * minute },
} as const satisfies Record<string, BackoffOptions>;

export class LoginThrottle {
  private readonly pair: Backoff;
  private readonly account: Backoff;
  private readonly address: Backoff;

  constructor(options: { [K in keyof typeof defaultThrottle]?: BackoffOptions } = {}) {
    this.pair = new Backoff(options.pair ?? defaultThrottle.pair);
    this.account = new Backoff(options.account ?? defaultThrottle.account);
    this.address = new Backoff(options.address ?? defaultThrottle.address);
  }

  /** Whole seconds `attempt` must wait (0: it may go ahead and have its password checked). */
  waitSeconds(attempt: LoginAttempt, now = Date.now()): number {
    const waits = [
      this.pair.waitMs(pairKey(attempt), now),
      this.address.waitMs(attempt.address, now),
      attempt.device === null ? this.account.waitMs(attempt.email, now) : 0,
    ];
    return Math.ceil(Math.max(...waits) / 1000);
  }

  /** A wrong password (or unknown e-mail, or a tenant the account is not in). */
  failed(attempt: LoginAttempt, now = Date.now()): void {
    this.pair.fail(pairKey(attempt), now);
    this.address.fail(attempt.address, now);
    // A known device's failures stay in its own pair bucket: they cannot slow the owner elsewhere.
    if (attempt.device === null) this.account.fail(attempt.email, now);
  }

  /**
   * The right password: the pair starts afresh. The account and address buckets only decay, or a
   * guesser holding one valid account could wipe its failures by logging into it now and then.
   */
  succeeded(attempt: LoginAttempt): void {
    this.pair.clear(pairKey(attempt));
  }
}

function pairKey(attempt: LoginAttempt): string {
  return attempt.device === null
    ? `${attempt.email}\n${attempt.address}`
    : `${attempt.email}\ndevice:${attempt.device}`;
}
