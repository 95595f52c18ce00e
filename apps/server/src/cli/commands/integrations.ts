import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { PulseError } from '@pulse/core';
import { addIntegration, checkIntegration, listIntegrations, removeIntegration } from '@pulse/sync';
import { withRuntime } from '../context.ts';
import { printTable, type Io } from '../output.ts';
import { action } from '../program.ts';
import { knownConnectors, runnerDeps } from '../sync-deps.ts';
import { resolveTenant } from '../tenant-option.ts';
import { mappingsCommand } from './mappings.ts';
import { parseDuration } from './sync.ts';

interface AddOptions {
  name: string;
  config?: string;
  tokenStdin?: boolean;
  secretsStdin?: boolean;
  interval: string;
  maxFailedShare: string;
  rawRetention: string;
  tenant?: string;
  json?: boolean;
}

export function integrationsCommand(io: Io): Command {
  const command = new Command('integrations').description(
    'Connect Pulse to GitHub, local git, Jira and other sources.',
  );
  command
    .command('add')
    .description('Add an integration; its config is checked now and it syncs on its interval.')
    .argument('<kind>', `connector: ${[...knownConnectors().keys()].sort().join(', ')}`)
    .requiredOption('--name <name>', 'unique name, e.g. github-acme')
    .option('--config <json>', 'connector settings as JSON, or @file.json (docs/connectors/<kind>.md)', '{}')
    .option('--token-stdin', 'read the access token from standard input (stored encrypted)')
    .option('--secrets-stdin', 'read all credentials as a JSON object from standard input')
    .option('--interval <duration>', 'sync interval, e.g. 15m, 1h, 1d', '1h')
    .option(
      '--max-failed-share <share>',
      'a run fails when more than this share of its partitions fail (0–1)',
      '0.25',
    )
    .option('--raw-retention <duration>', "keep raw payloads this long ('forever' keeps them)", '90d')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print JSON')
    .action(
      action(io, async (kind: string, options: AddOptions) => {
        const config = parseJsonOption(options.config ?? '{}', '--config');
        const secrets = await readSecrets(io, options);
        return withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const integration = await addIntegration(
            rt.db,
            rt.keys.keyring,
            knownConnectors(rt.config),
            tenant.id,
            {
              kind,
              name: options.name,
              config,
              ...(secrets === undefined ? {} : { secrets }),
              syncIntervalSeconds: parseDuration(options.interval, '--interval'),
              maxFailedShare: Number(options.maxFailedShare),
              rawRetentionSeconds:
                options.rawRetention === 'forever'
                  ? null
                  : parseDuration(options.rawRetention, '--raw-retention', 3650),
            },
          );
          if (options.json) io.stdout.write(JSON.stringify(integration) + '\n');
          else
            io.stdout.write(
              `Added ${kind} integration ${integration.name} (id ${integration.id}) to ${tenant.slug}. Check it with: pulse integrations check ${integration.name}\n`,
            );
          return 0;
        });
      }),
    );
  command
    .command('list')
    .description('List integrations (credentials are never shown).')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print JSON')
    .action(
      action(io, async (options: { tenant?: string; json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const rows = await listIntegrations(rt.db, tenant.id);
          if (options.json) io.stdout.write(JSON.stringify(rows) + '\n');
          else
            printTable(
              io,
              ['ID', 'NAME', 'KIND', 'INTERVAL', 'ENABLED', 'CREDENTIALS'],
              rows.map((r) => [
                String(r.id),
                r.name,
                r.kind,
                `${r.syncIntervalSeconds}s`,
                r.enabled ? 'yes' : 'no',
                r.hasSecrets ? 'set' : '—',
              ]),
            );
          return 0;
        }),
      ),
    );
  command
    .command('check')
    .description("Check an integration's credentials and reachability.")
    .argument('<integration>', 'name or id')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print JSON')
    .action(
      action(io, async (name: string, options: { tenant?: string; json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const { integration, result } = await checkIntegration(runnerDeps(rt), tenant.id, name);
          if (options.json) io.stdout.write(JSON.stringify(result) + '\n');
          else if (result.ok)
            io.stdout.write(`${integration.name}: OK${result.detail ? ` (${result.detail})` : ''}\n`);
          else
            io.stdout.write(
              `${integration.name}: FAILED ${result.code}: ${result.message}\nHint: ${result.hint}\n`,
            );
          return result.ok ? 0 : 1;
        }),
      ),
    );
  command
    .command('remove')
    .description('Remove an integration with its sync history (synced data stays).')
    .argument('<integration>', 'name or id')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .action(
      action(io, async (name: string, options: { tenant?: string }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          await removeIntegration(rt.db, tenant.id, name);
          io.stdout.write(`Removed integration ${name}.\n`);
          return 0;
        }),
      ),
    );
  command.addCommand(mappingsCommand(io));
  return command;
}

function parseJsonOption(value: string, flag: string): unknown {
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8');
    } catch (error) {
      throw new PulseError('VALIDATION_FAILED', {
        message: `${flag}: cannot read ${value.slice(1)}: ${(error as Error).message}.`,
        hint: `Give a readable JSON file, e.g. ${flag} @github.json`,
      });
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PulseError('VALIDATION_FAILED', {
      message: `${flag} is not valid JSON: ${(error as Error).message}.`,
      hint: `For example: ${flag} '{"repositories":{"org":"acme"}}'`,
    });
  }
}

async function readSecrets(io: Io, options: AddOptions): Promise<Record<string, string> | undefined> {
  if (!options.tokenStdin && !options.secretsStdin) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '')
    throw new PulseError('INTEGRATION_SECRETS_INVALID', {
      message: 'Standard input was empty; no credentials were given.',
      hint: 'Pipe the token in, e.g.: printf %s "$GITHUB_TOKEN" | pulse integrations add github ... --token-stdin',
    });
  if (options.tokenStdin) return { token: text };
  const parsed = parseJsonOption(text, '--secrets-stdin');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new PulseError('INTEGRATION_SECRETS_INVALID', {
      message: '--secrets-stdin needs a JSON object of strings.',
    });
  return parsed as Record<string, string>;
}
