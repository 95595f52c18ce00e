/** The process's egress policy, from the PULSE_EGRESS_* settings; refused connections go to the log. */
import type { Config } from '@pulse/core';
import { createEgressPolicy, type EgressPolicy } from '@pulse/connectors';
import type { Logger } from '../logger.ts';

export function egressFromConfig(config: Config, log: Pick<Logger, 'warn'>): EgressPolicy {
  return createEgressPolicy({
    allow: config.PULSE_EGRESS_ALLOW,
    maxResponseBytes: config.PULSE_EGRESS_MAX_RESPONSE_BYTES,
    checkMaxResponseBytes: config.PULSE_EGRESS_CHECK_MAX_RESPONSE_BYTES,
    timeoutMs: config.PULSE_EGRESS_TIMEOUT_MS,
    checkTimeoutMs: config.PULSE_EGRESS_CHECK_TIMEOUT_MS,
    // Operators see why; tenants only see "cannot connect", as for a closed port.
    onDenied: (denial) =>
      log.warn(
        { host: denial.host, address: denial.address, range: denial.range },
        'outbound connection refused by the egress policy (PULSE_EGRESS_ALLOW lists allowed private hosts)',
      ),
  });
}
