/** `pulse people list | merge`: the people of a tenant and the accounts merged into them. */
import { Command } from 'commander';
import { PulseError } from '@pulse/core';
import { withTenant } from '@pulse/db';
import { listPeople, listUnmatchedIdentities, mergePeople } from '@pulse/sync';
import { withRuntime } from '../context.ts';
import { printTable, type Io } from '../output.ts';
import { action } from '../program.ts';
import { resolveTenant } from '../tenant-option.ts';

export function peopleCommand(io: Io): Command {
  const people = new Command('people').description('People and their accounts (identities) in each source.');
  people
    .command('list')
    .description('List people with their identities.')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--search <text>', 'only people whose name, e-mail, login or account id contains this')
    .option('--json', 'print JSON')
    .action(
      action(io, async (options: { tenant?: string; search?: string; json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const list = await withTenant(rt.db, tenant.id, (tx) =>
            listPeople(tx, options.search === undefined ? {} : { search: options.search }),
          );
          if (options.json) io.stdout.write(JSON.stringify(list) + '\n');
          else if (list.length === 0) io.stdout.write('No people found.\n');
          else
            printTable(
              io,
              ['ID', 'NAME', 'EMAIL', 'BOT', 'IDENTITIES'],
              list.map((p) => [
                String(p.id),
                p.displayName,
                p.email ?? '',
                p.isBot ? 'bot' : '',
                p.identities.join(', '),
              ]),
            );
          return 0;
        }),
      ),
    );
  people
    .command('unmatched')
    .description(
      'List accounts no account of another source is merged with (merge them with pulse people merge).',
    )
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--source <source>', 'only accounts of this source, e.g. jira')
    .option('--bots', 'include bot accounts')
    .option('--json', 'print JSON')
    .action(
      action(io, async (options: { tenant?: string; source?: string; bots?: boolean; json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const list = await withTenant(rt.db, tenant.id, (tx) =>
            listUnmatchedIdentities(tx, {
              ...(options.source === undefined ? {} : { source: options.source }),
              includeBots: options.bots === true,
            }),
          );
          if (options.json) io.stdout.write(JSON.stringify(list) + '\n');
          else if (list.length === 0) io.stdout.write('Every account is matched with another source.\n');
          else
            printTable(
              io,
              ['PERSON', 'SOURCE', 'ACCOUNT', 'NAME', 'EMAIL'],
              list.map((i) => [
                i.personId === null ? '' : String(i.personId),
                i.source,
                i.login ?? i.externalId,
                i.name ?? '',
                i.email ?? '',
              ]),
            );
          return 0;
        }),
      ),
    );
  people
    .command('merge')
    .description(
      'Merge person <from> into person <into>: identities and team memberships move, <from> is deleted.',
    )
    .argument('<into>', 'id of the person to keep (see pulse people list)')
    .argument('<from>', 'id of the person merged into it')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print the result as JSON')
    .action(
      action(io, async (into: string, from: string, options: { tenant?: string; json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const result = await withTenant(rt.db, tenant.id, (tx) =>
            mergePeople(tx, { into: personId(into), from: personId(from) }),
          );
          io.stdout.write(
            options.json
              ? JSON.stringify(result) + '\n'
              : `Merged person ${result.from} into ${result.into}: ${result.identities} identity(ies) and ${result.memberships} team membership(s) moved.\n`,
          );
          return 0;
        }),
      ),
    );
  return people;
}

function personId(text: string): number {
  if (!/^[1-9]\d{0,15}$/.test(text))
    throw new PulseError('VALIDATION_FAILED', {
      message: `"${text}" is not a person id.`,
      hint: 'Person ids are the numbers in the ID column of: pulse people list',
    });
  return Number(text);
}
