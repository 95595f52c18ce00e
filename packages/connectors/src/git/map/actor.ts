import type { Actor } from '@pulse/core';

// Service addresses (noreply@github.com is GitHub's web-flow committer), unlike personal
// 123+alice@users.noreply.github.com addresses, which belong to humans.
const serviceMailbox = /^(no-?reply|do-?not-?reply)@/i;

/** A git author or committer as an actor (source 'git', keyed by lower-cased e-mail); undefined without e-mail. */
export function gitActor(name: string, email: string): Actor | undefined {
  const address = email.trim();
  if (address === '' || address.length > 320) return undefined;
  const actor: Actor = {
    source: 'git',
    externalId: address.toLowerCase(),
    email: address,
    emailVerified: false,
    isBot: isBot(name, address),
  };
  const trimmed = name.trim();
  return trimmed === '' ? actor : { ...actor, name: trimmed.slice(0, 500) };
}

/** '[bot]' in the name or address (dependabot[bot], renovate[bot]) or a no-reply service mailbox. */
export function isBot(name: string, email: string): boolean {
  return name.includes('[bot]') || email.includes('[bot]') || serviceMailbox.test(email);
}
