import { z } from 'zod';
import { actor, entityKey, instant, recordRef, repositoryRef } from './shared.ts';

/** A person, optionally with the accounts (identities) known to be theirs. */
export const personRecord = z.strictObject({
  type: z.literal('person'),
  ...entityKey,
  displayName: z.string().min(1).max(500),
  email: z.string().max(320).optional(),
  isBot: z.boolean().optional(),
  identities: z.array(actor).max(1000).optional(),
});

export const teamMember = z.strictObject({
  person: recordRef,
  role: z.string().max(100).optional(),
  validFrom: instant,
  validTo: instant.optional(),
});

export const teamRecord = z.strictObject({
  type: z.literal('team'),
  ...entityKey,
  name: z.string().min(1).max(500),
  parent: recordRef.optional(),
  members: z.array(teamMember).max(10_000).optional(),
  repositories: z.array(repositoryRef).max(10_000).optional(),
});

export type PersonRecord = z.infer<typeof personRecord>;
export type TeamRecord = z.infer<typeof teamRecord>;
