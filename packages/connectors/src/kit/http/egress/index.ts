/** The egress policy every outbound request goes through (connectors, and later notifications and AI providers). */
export {
  createEgressPolicy,
  defaultEgressLimits,
  EgressDeniedError,
  type EgressDenial,
  type EgressLimits,
  type EgressPolicy,
  type EgressPolicyOptions,
  type ResolvedAddress,
  type Resolver,
} from './policy.ts';
export { deniedRange, effectiveAddress, parseAddress } from './address.ts';
export { parseAllowList, type AllowList } from './allow-list.ts';
export { baseUrlProblem, joinBaseUrl, normaliseBaseUrl } from './base-url.ts';
export { readLimitedText } from './read-body.ts';
