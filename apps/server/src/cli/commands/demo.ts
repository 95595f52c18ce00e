import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { PulseError, isPulseError } from '@pulse/core';
import { listTenants, type Db } from '@pulse/db';
import { demoLogin, loadDemo, maxDemoDays, type LoadedDemo } from '@pulse/demo';
import { refreshFacts } from '@pulse/metrics';
import { hashPassword } from '../../auth/password.ts';
import { cliActor, withRuntime } from '../context.ts';
import { action } from '../program.ts';
import { printTable, type Io } from '../output.ts';
import { readPassword } from './admin.ts';

export const demoDefaults = { tenant: 'demo', seed: 42, days: 365 } as const;

export function demoCommand(io: Io): Command {
  return new Command('demo')
    .description(
      'Load the demo organisation into a new tenant: four teams, eight repositories and their pull requests, deployments, incidents and Jira work, up to today.',
    )
    .option('--tenant <slug>', 'slug of the new tenant', demoDefaults.tenant)
    .option(
      '--seed <n>',
      'seed of the generator: the same seed and day give the same data',
      String(demoDefaults.seed),
    )
    .option('--days <n>', `days of history, ending today (7 to ${maxDemoDays})`, String(demoDefaults.days))
    .option(
      '--password-stdin',
      `read the password of ${demoLogin} from standard input (otherwise one is generated and shown once)`,
    )
    .action(
      action(io, async (options: { tenant: string; seed: string; days: string; passwordStdin?: boolean }) => {
        const seed = parseInteger(options.seed, '--seed', 0, 0xffffffff);
        const days = parseInteger(options.days, '--days', 7, maxDemoDays);
        const generated = options.passwordStdin ? undefined : generatePassword();
        const password = generated ?? (await readPassword(io.stdin));
        const passwordHash = await hashPassword(password);
        return withRuntime(io, { migrate: true }, async (rt) => {
          const startedAt = performance.now();
          const loaded = await loadDemo(rt.db, {
            tenantSlug: options.tenant,
            seed,
            days,
            end: startOfToday(),
            passwordHash,
            actor: cliActor(io),
          });
          const seconds = (performance.now() - startedAt) / 1000;
          io.stdout.write(
            `Loaded the demo organisation into tenant ${loaded.tenant.slug} (${loaded.tenant.id}) in ${seconds.toFixed(1)} s: ${days} days up to today, seed ${seed}.\n`,
          );
          await computeFacts(rt.db, loaded, io);
          io.stdout.write('\n');
          printTable(
            io,
            ['TABLE', 'ROWS'],
            Object.entries(loaded.counts).map(([table, rows]) => [table, String(rows)]),
          );
          io.stdout.write('\n' + loginLine(loaded, generated));
          return 0;
        });
      }),
    );
}

/**
 * `pulse serve --demo`: loads the demo organisation into tenant `demo` unless it is there already,
 * and prints its login.
 */
export async function loadDemoAtStart(db: Db, io: Io): Promise<void> {
  const alreadyLoaded = () =>
    io.stdout.write(
      `The demo organisation is already loaded in tenant ${demoDefaults.tenant}: log in as ${demoLogin} with the password shown when it was loaded.\n`,
    );
  if ((await listTenants(db)).some((t) => t.slug === demoDefaults.tenant)) return void alreadyLoaded();
  io.stdout.write('Loading the demo organisation (a year of work of four teams)...\n');
  const password = generatePassword();
  const startedAt = performance.now();
  try {
    const loaded = await loadDemo(db, {
      tenantSlug: demoDefaults.tenant,
      seed: demoDefaults.seed,
      days: demoDefaults.days,
      end: startOfToday(),
      passwordHash: await hashPassword(password),
      actor: cliActor(io),
    });
    const seconds = (performance.now() - startedAt) / 1000;
    io.stdout.write(
      `Loaded the demo organisation into tenant ${loaded.tenant.slug} in ${seconds.toFixed(1)} s.\n`,
    );
    await computeFacts(db, loaded, io);
    io.stdout.write(loginLine(loaded, password));
  } catch (error) {
    // Another process loaded it in the meantime.
    if (isPulseError(error) && error.code === 'DEMO_TENANT_EXISTS') return void alreadyLoaded();
    throw error;
  }
}

/** Computes the metric facts, so `pulse metrics` and the dashboard have numbers at once. */
async function computeFacts(db: Db, loaded: LoadedDemo, io: Io): Promise<void> {
  const startedAt = performance.now();
  const result = await refreshFacts(db, loaded.tenant.id);
  const seconds = (performance.now() - startedAt) / 1000;
  io.stdout.write(
    `Computed the metric facts (${result.deployments} deployments) in ${seconds.toFixed(1)} s.\n`,
  );
}

function loginLine(loaded: LoadedDemo, generated: string | undefined): string {
  if (!loaded.user.created)
    return `Log in as ${demoLogin} with its existing password: the account already existed and was added to ${loaded.tenant.slug}.\n`;
  if (generated === undefined) return `Log in as ${demoLogin} with the password you gave.\n`;
  return `Log in as ${demoLogin} with password ${generated} (shown once).\n`;
}

function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Today at 00:00 UTC: the demo's history ends there, so the dashboard shows recent work. */
function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function parseInteger(value: string, flag: string, min: number, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max)
    throw new PulseError('VALIDATION_FAILED', {
      message: `${flag} must be a whole number from ${min} to ${max}, not "${value}".`,
      hint: `For example: pulse demo ${flag} ${flag === '--seed' ? demoDefaults.seed : 90}`,
    });
  return number;
}
