/**
 * The egress policy: one object, built where HTTP clients are composed (the server's runtime, a
 * test's setup), that every outbound request goes through. It owns
 * - the connect-time address check: the undici dispatcher resolves the host and checks EVERY
 *   address it got against the deny ranges (address.ts) and the operator's allow list before a
 *   socket is opened, so a name that resolved to a public address when an integration was saved
 *   and to 127.0.0.1 now (DNS rebinding) is still refused;
 * - the response size and time limits, per kind of request (a data page, a connection check).
 *
 * Checking inside the connector rather than before fetch() is what closes the rebinding window:
 * a check before fetch would resolve the name once and fetch would resolve it again.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { deniedRange, parseAddress } from './address.ts';
import { allowsAddress, allowsHost, parseAllowList } from './allow-list.ts';

/** A resolved address as dns.lookup({ all: true }) gives it. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to every address it has; default: the system resolver (dns.lookup). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface EgressLimits {
  /** Largest response body of a data request (a page), in bytes. */
  readonly maxResponseBytes: number;
  /** Largest response body of a connection check, in bytes. */
  readonly checkMaxResponseBytes: number;
  /** Time limit of one data request attempt, from sending to the last body byte. */
  readonly timeoutMs: number;
  /** Time limit of one connection check request, from sending to the last body byte. */
  readonly checkTimeoutMs: number;
  /** Same-origin redirects followed per request. */
  readonly maxRedirects: number;
}

export interface EgressPolicyOptions extends Partial<EgressLimits> {
  /** Hosts, '.suffixes', addresses and CIDR ranges allowed although private (PULSE_EGRESS_ALLOW). */
  readonly allow?: string | readonly string[];
  readonly resolve?: Resolver;
  /** Told about every refused connection (the operator's log); the tenant only sees "cannot connect". */
  readonly onDenied?: (denial: EgressDenial) => void;
}

export interface EgressDenial {
  readonly host: string;
  readonly address: string;
  /** The range it fell in: 'loopback', 'private', 'linkLocal', 'uniqueLocal'… */
  readonly range: string;
}

export interface EgressPolicy {
  readonly limits: EgressLimits;
  /** The undici dispatcher every request of a client built with this policy is sent through. */
  readonly dispatcher: Dispatcher;
  /** The denial for connecting to `address` as `host`, or undefined when allowed. */
  verdict(host: string, address: string): EgressDenial | undefined;
  /** Closes idle sockets (for tests and shutdown). */
  close(): Promise<void>;
}

export const defaultEgressLimits: EgressLimits = {
  maxResponseBytes: 20 * 1024 * 1024,
  checkMaxResponseBytes: 1024 * 1024,
  timeoutMs: 30_000,
  checkTimeoutMs: 10_000,
  maxRedirects: 5,
};

/** The error a refused connection fails with; the client reports it like any failed connection. */
export class EgressDeniedError extends Error {
  readonly code = 'EGRESS_DENIED';
  constructor(readonly denial: EgressDenial) {
    super(`connection to ${denial.host} refused by the egress policy`);
    this.name = 'EgressDeniedError';
  }
}

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Builds a policy: public addresses only, plus what `allow` names. */
export function createEgressPolicy(options: EgressPolicyOptions = {}): EgressPolicy {
  const allow = parseAllowList(options.allow);
  const resolve = options.resolve ?? systemResolver;
  const limits: EgressLimits = {
    maxResponseBytes: options.maxResponseBytes ?? defaultEgressLimits.maxResponseBytes,
    checkMaxResponseBytes: options.checkMaxResponseBytes ?? defaultEgressLimits.checkMaxResponseBytes,
    timeoutMs: options.timeoutMs ?? defaultEgressLimits.timeoutMs,
    checkTimeoutMs: options.checkTimeoutMs ?? defaultEgressLimits.checkTimeoutMs,
    maxRedirects: options.maxRedirects ?? defaultEgressLimits.maxRedirects,
  };

  function verdict(host: string, address: string): EgressDenial | undefined {
    const parsed = parseAddress(address);
    if (parsed === undefined) return { host, address, range: 'invalid' };
    const range = deniedRange(parsed);
    if (range === undefined || allowsHost(allow, host) || allowsAddress(allow, parsed)) return undefined;
    return { host, address, range };
  }

  function deny(denial: EgressDenial): EgressDeniedError {
    options.onDenied?.(denial);
    return new EgressDeniedError(denial);
  }

  // net.connect calls this for host names (never for IP literals, checked below); with
  // autoSelectFamily (Node's default) it asks for every address at once (`all: true`).
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const denied = addresses.map((a) => verdict(hostname, a.address)).find((d) => d !== undefined);
        if (denied) return callback(deny(denied), '', 0);
        if (addresses.length === 0) {
          const error = Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
          return callback(error, '', 0);
        }
        const wanted = lookupOptions.family === 6 ? 6 : lookupOptions.family === 4 ? 4 : 0;
        const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
        if (lookupOptions.all) return callback(null, usable as never, 0);
        const first = usable[0] ?? addresses[0]!;
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };

  const connectDefault = buildConnector({ lookup } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (connectOptions, callback) => {
    const host = connectOptions.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) !== 0) {
      const denied = verdict(host, host);
      if (denied) {
        callback(deny(denied), null);
        return;
      }
    }
    connectDefault(connectOptions, callback);
  };
  const dispatcher = new Agent({ connect });

  return { limits, dispatcher, verdict, close: () => dispatcher.close() };
}
