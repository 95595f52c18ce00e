/**
 * Which IP addresses Pulse may connect to by default: public unicast only. Everything else
 * (loopback, private, CGNAT, link-local and cloud metadata, unique-local, multicast, broadcast,
 * unspecified, documentation and other reserved ranges) is denied. IPv6 forms that embed an IPv4
 * address (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4
 * 2002::/16) are judged by the IPv4 address they carry, so ::ffff:127.0.0.1 is loopback.
 *
 * Allowing only `unicast` (ipaddr.js's name for "none of the special ranges") rather than listing
 * denied ranges means a range nobody thought of is denied, not allowed.
 */
import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** Parses an address, brackets allowed ('[::1]'); undefined when it is not an IP address. */
export function parseAddress(text: string): IpAddress | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : undefined;
}

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), else itself. */
export function effectiveAddress(address: IpAddress): IpAddress {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as ipaddr.IPv6;
  const parts = v6.parts;
  const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  // IPv4-compatible (::a.b.c.d, deprecated but still routed by some stacks); :: itself stays IPv6.
  if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7]! > 1))
    return v4(parts[6]!, parts[7]!);
  const range = v6.range();
  if (range === 'rfc6052') return v4(parts[6]!, parts[7]!);
  if (range === '6to4') return v4(parts[1]!, parts[2]!);
  return v6;
}

/** Why the address is denied ('loopback', 'private', 'linkLocal'…), or undefined for public unicast. */
export function deniedRange(address: IpAddress): string | undefined {
  const effective = effectiveAddress(address);
  const range = effective.range();
  return range === 'unicast' ? undefined : range;
}
