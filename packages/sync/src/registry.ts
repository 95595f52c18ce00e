/** The connectors a Pulse process knows, by integration kind. Built once in the composition root. */
import { PulseError } from '@pulse/core';
import type { Connector } from '@pulse/connectors';

// Connectors differ in config types; the registry hands them out untyped and each integration's
// config is parsed with its connector's schema before use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyConnector = Connector<any, any>;
export type ConnectorRegistry = ReadonlyMap<string, AnyConnector>;

export function connectorRegistry(connectors: readonly AnyConnector[]): ConnectorRegistry {
  return new Map(connectors.map((c) => [c.kind, c]));
}

export function connectorFor(registry: ConnectorRegistry, kind: string): AnyConnector {
  const connector = registry.get(kind);
  if (connector === undefined)
    throw new PulseError('INTEGRATION_KIND_UNKNOWN', {
      message: `There is no connector of kind "${kind}".`,
      hint: `Known kinds: ${[...registry.keys()].sort().join(', ')}.`,
    });
  return connector;
}
