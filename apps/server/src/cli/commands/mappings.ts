/**
 * `pulse integrations mappings <integration>`: show, set and reset how an integration's statuses
 * map to categories and its issue types to work-item kinds. A change is re-applied to stored data
 * at once (no network needed).
 *
 *   pulse integrations mappings jira
 *   pulse integrations mappings jira --set 'status:In Review=waiting' --set type:Spike=feature
 *   pulse integrations mappings jira --reset 'status:In Review'
 */
import { Command } from 'commander';
import { PulseError } from '@pulse/core';
import { withTenant } from '@pulse/db';
import { readMappings, writeMappings, type IntegrationMappings, type MappingChanges } from '@pulse/sync';
import { withRuntime } from '../context.ts';
import { printTable, type Io } from '../output.ts';
import { action } from '../program.ts';
import { knownConnectors } from '../sync-deps.ts';
import { resolveTenant } from '../tenant-option.ts';

interface Options {
  set: string[];
  reset: string[];
  tenant?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function mappingsCommand(io: Io): Command {
  return new Command('mappings')
    .description('Show or change how statuses map to categories and issue types to work-item kinds.')
    .argument('<integration>', 'name or id')
    .option(
      '--set <mapping>',
      'status:NAME=todo|in_progress|waiting|done or type:NAME=feature|defect|risk|debt|incident|other (repeatable)',
      collect,
      [],
    )
    .option('--reset <name>', 'status:NAME or type:NAME back to the default (repeatable)', collect, [])
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print JSON')
    .action(
      action(io, async (name: string, options: Options) => {
        const changes = parseChanges(options.set, options.reset);
        return withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const registry = knownConnectors(rt.config);
          const changing = (changes.statuses?.length ?? 0) + (changes.types?.length ?? 0) > 0;
          const result = await withTenant(rt.db, tenant.id, async (tx) =>
            changing
              ? writeMappings(tx, registry, tenant.id, name, changes)
              : { mappings: await readMappings(tx, registry, name), remapped: undefined },
          );
          if (options.json) io.stdout.write(JSON.stringify(result.mappings) + '\n');
          else {
            printMappings(io, result.mappings);
            if (result.remapped !== undefined)
              io.stdout.write(`Applied; ${result.remapped} stored payload(s) mapped again.\n`);
          }
          return 0;
        });
      }),
    );
}

function printMappings(io: Io, mappings: IntegrationMappings): void {
  printTable(
    io,
    ['MAPPING', 'SOURCE', 'MAPS TO', 'SET BY', 'ITEMS'],
    [
      ...mappings.statuses.map((m) => [
        'status',
        m.source,
        m.category,
        m.origin === 'set' ? 'you' : 'default',
        String(m.items),
      ]),
      ...mappings.types.map((m) => [
        'type',
        m.source,
        m.kind,
        m.origin === 'set' ? 'you' : 'default',
        String(m.items),
      ]),
    ],
  );
}

/** `status:In Review=waiting` / `type:Spike=feature`, and `status:In Review` to reset. */
export function parseChanges(sets: readonly string[], resets: readonly string[]): MappingChanges {
  const statuses: { source: string; category: string | null }[] = [];
  const types: { source: string; kind: string | null }[] = [];
  const add = (text: string, value: string | null) => {
    const match = /^(status|type):(.+)$/i.exec(text.trim());
    if (match === null || match[2]!.trim() === '')
      throw new PulseError('VALIDATION_FAILED', {
        message: `"${text}" names no status or type.`,
        hint: `Write status:NAME=CATEGORY or type:NAME=KIND, e.g. --set 'status:In Review=waiting' --set type:Spike=feature`,
      });
    const source = match[2]!.trim();
    if (match[1]!.toLowerCase() === 'status') statuses.push({ source, category: value });
    else types.push({ source, kind: value });
  };
  for (const text of sets) {
    const at = text.lastIndexOf('=');
    if (at < 0)
      throw new PulseError('VALIDATION_FAILED', {
        message: `--set ${text} has no "=VALUE".`,
        hint: `For example: --set 'status:In Review=waiting'`,
      });
    add(text.slice(0, at), text.slice(at + 1).trim());
  }
  for (const text of resets) add(text, null);
  // Values are checked by writeMappings (VALIDATION_FAILED names the allowed ones).
  return {
    ...(statuses.length ? { statuses } : {}),
    ...(types.length ? { types } : {}),
  } as MappingChanges;
}
