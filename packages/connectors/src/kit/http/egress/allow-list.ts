/**
 * The operator's allow list (PULSE_EGRESS_ALLOW): host names and CIDR ranges that may be reached
 * although the default policy denies them, for GitHub Enterprise, Jira Data Center or GitLab on a
 * private network. 'ghe.corp.internal' allows that exact host (whatever it resolves to);
 * '.corp.internal' every host under it; '10.20.0.0/16' or '10.20.0.5' those addresses.
 */
import { PulseError } from '@pulse/core';
import ipaddr from 'ipaddr.js';
import { effectiveAddress, parseAddress, type IpAddress } from './address.ts';

export interface AllowList {
  readonly hosts: readonly string[];
  readonly ranges: readonly [IpAddress, number][];
}

const hostPattern = /^\.?(?=.{1,253}$)([a-z\d]([a-z\d-]{0,61}[a-z\d])?)(\.[a-z\d]([a-z\d-]{0,61}[a-z\d])?)*$/;

/** Parses 'host, .suffix, 10.0.0.0/8, ::1' (a string or a list); EGRESS_ALLOW_INVALID names a bad entry. */
export function parseAllowList(entries: string | readonly string[] | undefined): AllowList {
  const list = typeof entries === 'string' ? entries.split(',') : (entries ?? []);
  const hosts: string[] = [];
  const ranges: [IpAddress, number][] = [];
  for (const raw of list) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const address = parseAddress(entry);
    if (address) ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    else if (entry.includes('/') && ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
    else if (hostPattern.test(entry)) hosts.push(entry);
    else
      throw new PulseError('EGRESS_ALLOW_INVALID', {
        message: `PULSE_EGRESS_ALLOW has an entry that is neither a host name nor an IP address or CIDR range: "${raw.trim()}".`,
      });
  }
  return { hosts, ranges };
}

/** Whether the host name is on the list (exactly, or under a '.suffix' entry). */
export function allowsHost(list: AllowList, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return list.hosts.some((entry) => (entry.startsWith('.') ? host.endsWith(entry) : host === entry));
}

/** Whether the address (or the IPv4 address it embeds) lies in an allowed range. */
export function allowsAddress(list: AllowList, address: IpAddress): boolean {
  const candidates = [address, effectiveAddress(address)];
  return list.ranges.some(([range, bits]) =>
    candidates.some((a) => a.kind() === range.kind() && a.match(range, bits)),
  );
}
