/**
 * The keyring that encrypts integration credentials. With PULSE_SECRET_KEY the keys come from the
 * environment (PULSE_SECRET_KEY_PREVIOUS adds older ones). Without it, in embedded mode, they come
 * from a key file (newest key first), generated with permissions 0600 on first start; with a
 * PostgreSQL server a key is required, because a generated file on one machine would leave every
 * other process unable to read the credentials.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  PulseError,
  createKeyring,
  generateSecretKey,
  parseSecretKey,
  type Config,
  type Keyring,
} from '@pulse/core';

export interface LoadedKeyring {
  readonly keyring: Keyring;
  /** Where the current key came from, for messages: `PULSE_SECRET_KEY` or the key file path. */
  readonly source: string;
  /** Warnings for the operator (a generated key file, loose file permissions). */
  readonly warnings: readonly string[];
}

export function loadKeyring(config: Config, options: { create: boolean } = { create: true }): LoadedKeyring {
  const previous = (config.PULSE_SECRET_KEY_PREVIOUS ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text, i) => parseSecretKey(text, `PULSE_SECRET_KEY_PREVIOUS (key ${i + 1})`));
  if (config.PULSE_SECRET_KEY !== undefined) {
    const current = parseSecretKey(config.PULSE_SECRET_KEY);
    return { keyring: createKeyring(current, previous), source: 'PULSE_SECRET_KEY', warnings: [] };
  }
  if (config.DATABASE_URL !== undefined) throw new PulseError('SECRET_KEY_MISSING');
  const path = config.PULSE_SECRET_KEY_FILE;
  const warnings: string[] = [];
  if (!existsSync(path)) {
    if (!options.create) {
      throw new PulseError('SECRET_KEY_MISSING', {
        message: `No secret key: PULSE_SECRET_KEY is unset and the key file ${path} does not exist yet.`,
        hint: 'Start Pulse once (pulse serve) to generate the key file, or set PULSE_SECRET_KEY.',
      });
    }
    writeKeyFile(path, [generateSecretKey()]);
    warnings.push(
      `Generated a new secret key in ${path} (permissions 0600). Back it up with the data folder: ` +
        'without it the stored integration credentials cannot be decrypted. Set PULSE_SECRET_KEY to manage the key yourself.',
    );
  } else if ((statSync(path).mode & 0o077) !== 0) {
    warnings.push(`The key file ${path} is readable by other users; restrict it with: chmod 600 ${path}`);
  }
  const [current, ...older] = readKeyFile(path);
  if (current === undefined)
    throw new PulseError('SECRET_KEY_INVALID', { message: `The key file ${path} holds no key.` });
  return { keyring: createKeyring(current, [...older, ...previous]), source: path, warnings };
}

export function readKeyFile(path: string) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line, i) => parseSecretKey(line, `${path} (line ${i + 1})`));
}

/** Writes the key file atomically (temporary file, then rename), permissions 0600. */
export function writeKeyFile(path: string, keys: readonly string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  const body =
    '# Pulse secret keys, newest first. Keep this file private and backed up.\n' + keys.join('\n') + '\n';
  writeFileSync(temporary, body, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
