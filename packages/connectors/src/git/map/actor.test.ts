import { describe, expect, it } from 'vitest';
import { gitActor, isBot } from './actor.ts';

describe('gitActor', () => {
  it('keys a git actor by the lower-cased e-mail and never vouches for it', () => {
    expect(gitActor('Ada Lovelace', 'Ada@Example.COM')).toEqual({
      source: 'git',
      externalId: 'ada@example.com',
      name: 'Ada Lovelace',
      email: 'Ada@Example.COM',
      emailVerified: false,
      isBot: false,
    });
  });

  it('has no actor without an e-mail, and no name when the name is blank', () => {
    expect(gitActor('Nobody', '')).toBeUndefined();
    expect(gitActor(' ', 'x@example.com')).not.toHaveProperty('name');
  });
});

describe('isBot', () => {
  it.each([
    ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com', true],
    ['Renovate Bot', '29139614+renovate[bot]@users.noreply.github.com', true],
    ['GitHub', 'noreply@github.com', true],
    ['GitLab', 'no-reply@gitlab.com', true],
    ['Alice', '1234+alice@users.noreply.github.com', false],
    ['Bob Botham', 'bob@example.com', false],
  ])('%s <%s> → %s', (name, email, bot) => {
    expect(isBot(name, email)).toBe(bot);
  });
});
