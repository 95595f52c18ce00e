import { Command } from 'commander';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { rotateSecrets } from '@pulse/db';
import { readKeyFile, writeKeyFile } from '../../config/load-keyring.ts';
import { cliActor, withRuntime } from '../context.ts';
import { action } from '../program.ts';
import type { Io } from '../output.ts';

export function secretsCommand(io: Io): Command {
  const secrets = new Command('secrets').description('Manage the key that encrypts integration credentials.');
  secrets
    .command('rotate')
    .description(
      'Re-encrypt every stored credential under the current key. With PULSE_SECRET_KEY: set the new key there ' +
        'and the old one in PULSE_SECRET_KEY_PREVIOUS first. With the embedded key file: a new key is generated.',
    )
    .action(
      action(io, async () =>
        withRuntime(io, { migrate: true }, async (rt) => {
          let keyring = rt.keys.keyring;
          if (rt.keys.source !== 'PULSE_SECRET_KEY') {
            // Key file: prepend a new key first (old keys stay, so nothing becomes unreadable if the
            // re-encryption below fails), then re-encrypt under it.
            const path = rt.keys.source;
            const fresh = generateSecretKey();
            const older = readKeyFile(path).map((key) => key.bytes.toString('base64'));
            writeKeyFile(path, [fresh, ...older]);
            keyring = createKeyring(parseSecretKey(fresh), [...keyring.keys.values()]);
            rt.scrubber.add(fresh);
            io.stdout.write(`Generated a new key (id ${keyring.current.id}) in ${path}.\n`);
          }
          const result = await rotateSecrets(rt.db, keyring, cliActor(io));
          io.stdout.write(
            `Re-encrypted ${result.rotated} integration credential set(s) under key ${keyring.current.id}; ` +
              `${result.current} already used it.\n`,
          );
          return 0;
        }),
      ),
    );
  return secrets;
}
