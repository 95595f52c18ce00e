import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { PulseError } from '@pulse/core';
import { createTenant, createUser, listTenants } from '@pulse/db';
import { hashPassword } from '../../auth/password.ts';
import { cliActor, withRuntime } from '../context.ts';
import { action } from '../program.ts';
import { printTable, type Io } from '../output.ts';

export function adminCommand(io: Io): Command {
  const admin = new Command('admin').description('Platform administration: tenants and users (audited).');

  const tenant = new Command('tenant').description('Create and list tenants.');
  tenant
    .command('create')
    .description('Create a tenant (an organisation with its own isolated data).')
    .argument('<slug>', 'short unique name: lower-case letters, digits and dashes, e.g. acme')
    .option('--name <name>', 'display name (default: the slug)')
    .option('--json', 'print the tenant as JSON')
    .action(
      action(io, async (slug: string, options: { name?: string; json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const created = await createTenant(
            rt.db,
            options.name === undefined ? { slug } : { slug, name: options.name },
            cliActor(io),
          );
          io.stdout.write(
            options.json
              ? JSON.stringify(created) + '\n'
              : `Created tenant ${created.slug} (${created.id}).\n`,
          );
          return 0;
        }),
      ),
    );
  tenant
    .command('list')
    .description('List tenants.')
    .option('--json', 'print JSON')
    .action(
      action(io, async (options: { json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenants = await listTenants(rt.db);
          if (options.json) io.stdout.write(JSON.stringify(tenants) + '\n');
          else if (tenants.length === 0)
            io.stdout.write('No tenants yet. Create one with: pulse admin tenant create <slug>\n');
          else
            printTable(
              io,
              ['SLUG', 'NAME', 'ID', 'CREATED'],
              tenants.map((t) => [t.slug, t.name, t.id, t.createdAt.toISOString()]),
            );
          return 0;
        }),
      ),
    );
  admin.addCommand(tenant);

  const user = new Command('user').description('Create users.');
  user
    .command('create')
    .description('Give an e-mail address a role in a tenant, creating the account if it is new.')
    .requiredOption('--tenant <tenant>', 'tenant slug or id')
    .requiredOption('--email <email>', 'e-mail address, used to log in')
    .requiredOption('--role <role>', 'admin, member or viewer')
    .option('--name <name>', 'display name')
    .option(
      '--password-stdin',
      'read the password from standard input (otherwise one is generated and shown once)',
    )
    .action(
      action(
        io,
        async (options: {
          tenant: string;
          email: string;
          role: string;
          name?: string;
          passwordStdin?: boolean;
        }) => {
          const generated = options.passwordStdin ? undefined : randomBytes(15).toString('base64url');
          const password = generated ?? (await readPassword(io.stdin));
          const passwordHash = await hashPassword(password);
          return withRuntime(io, { migrate: true }, async (rt) => {
            const created = await createUser(
              rt.db,
              {
                tenant: options.tenant,
                email: options.email,
                role: options.role,
                passwordHash,
                ...(options.name === undefined ? {} : { displayName: options.name }),
              },
              cliActor(io),
            );
            io.stdout.write(
              created.created
                ? `Created user ${created.email} with role ${created.role} in ${options.tenant}.\n`
                : `Added existing user ${created.email} to ${options.tenant} with role ${created.role}; their password is unchanged.\n`,
            );
            if (created.created && generated !== undefined)
              io.stdout.write(`Initial password (shown once): ${generated}\n`);
            return 0;
          });
        },
      ),
    );
  admin.addCommand(user);
  return admin;
}

/** Reads a password piped on standard input; one trailing newline is not part of it. */
export async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password === '') throw new PulseError('PASSWORD_INPUT_EMPTY');
  if (password.length < 12) throw new PulseError('PASSWORD_TOO_SHORT');
  return password;
}
