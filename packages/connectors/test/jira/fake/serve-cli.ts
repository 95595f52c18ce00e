/**
 * The fake Jira as a standalone process, for trying the connector by hand (docs/connectors/jira.md,
 * "Trying it without a Jira site"):
 *
 *   node --import tsx packages/connectors/test/jira/fake/serve-cli.ts [--flavour cloud|datacenter] [--filler 12]
 *
 * Prints one JSON line once listening ({ baseUrl, flavour, email, token, config }) and serves
 * until stopped (Ctrl-C). Listens on 127.0.0.1 only.
 */
import { parseArgs } from 'node:util';
import { scenario } from './generate.ts';
import { startFakeJira } from './server.ts';

const { values } = parseArgs({
  options: {
    flavour: { type: 'string', default: 'cloud' },
    filler: { type: 'string', default: '12' },
  },
});
const flavour = values.flavour === 'datacenter' ? 'datacenter' : 'cloud';
const server = await startFakeJira(scenario({ filler: Number(values.filler) }), { flavour });
const config = {
  baseUrl: server.baseUrl,
  deployment: flavour,
  ...(flavour === 'cloud' ? { email: server.email } : {}),
  projects: { keys: ['PROJ', 'OPS'] },
  incidents: { serviceField: 'components' },
};
process.stdout.write(
  `${JSON.stringify({ baseUrl: server.baseUrl, flavour, email: server.email, token: server.token, config })}\n`,
);
const stop = () => void server.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
