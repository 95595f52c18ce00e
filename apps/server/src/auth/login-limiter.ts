/**
 * Login attempts per client address: at most `perMinute` in any 60-second window, counted in this
 * process, whether they succeed or not. It caps the rate; the progressive delays after failures
 * are login-throttle.ts.
 */
import { PulseError } from '@pulse/core';

const windowMs = 60_000;
const maxAddresses = 50_000;

export class LoginLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /**
   * Counts an attempt from `address`. Beyond the limit it throws LOGIN_RATE_LIMITED and calls
   * `onLimited` with the seconds to wait first (for a Retry-After header).
   */
  take(address: string, onLimited: (retryAfterSeconds: number) => void, now = Date.now()): void {
    const recent = (this.attempts.get(address) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= this.perMinute) {
      this.attempts.set(address, recent);
      const retryAfterSeconds = Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
      onLimited(retryAfterSeconds);
      throw new PulseError('LOGIN_RATE_LIMITED');
    }
    recent.push(now);
    this.attempts.delete(address); // re-inserted last: the map stays ordered by latest attempt
    this.attempts.set(address, recent);
    if (this.attempts.size > maxAddresses) this.attempts.delete(this.attempts.keys().next().value!);
  }
}
