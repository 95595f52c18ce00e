import { describe, expect, it } from 'vitest';
import { findIssueKeys, issueKeyMentions } from './issue-keys.ts';

// Projects the integration knows; UTF, ISO, SHA, COVID… are not among them.
const options = { projectKeys: ['PROJ', 'ABC', 'OPS_2'], hosts: ['acme.atlassian.net'] };

const cases: readonly [text: string, keys: string[]][] = [
  // Positive: titles, branches, bodies, commit messages, any case.
  ['PROJ-12: fix login', ['PROJ-12']],
  ['feature/PROJ-12-login-timeout', ['PROJ-12']],
  ['feature/proj-12-login-timeout', ['PROJ-12']],
  ['bugfix-abc-7', ['ABC-7']],
  ['[PROJ-1] [ABC-22] two tickets', ['PROJ-1', 'ABC-22']],
  ['Fixes (PROJ-3), see also abc-4.', ['PROJ-3', 'ABC-4']],
  ['Refs #12 and PROJ-99\n\nCloses PROJ-100', ['PROJ-99', 'PROJ-100']],
  ['OPS_2-5 rollback', ['OPS_2-5']],
  ['PROJ-7 and again PROJ-7', ['PROJ-7']],
  ['See https://acme.atlassian.net/browse/PROJ-42 for details', ['PROJ-42']],
  ['https://acme.atlassian.net/jira/software/projects/PROJ/boards/1?selectedIssue=PROJ-43', ['PROJ-43']],
  ['PROJ-5\tdone', ['PROJ-5']],
  // Negative: key-shaped words of unknown projects.
  ['Use UTF-8 everywhere', []],
  ['Dates in ISO-8601, hashes in SHA-256', []],
  ['COVID-19 leave', []],
  // Negative: keys inside links to other hosts.
  ['Docs: https://example.com/wiki/PROJ-12', []],
  ['https://github.com/acme/api/tree/PROJ-12-branch', []],
  ['http://acme.atlassian.net.evil.example/browse/PROJ-1', []],
  // Negative: glued to other characters, versions, dates, addresses, leading zeros.
  ['XPROJ-12', []],
  ['PROJ-12a', []],
  ['_PROJ-12', []],
  ['release ABC-1.2', []],
  ['ABC-2024-05-01', []],
  ['mail proj-12@example.com', []],
  ['PROJ-012', []],
  ['PROJ-', []],
  ['PROJ 12', []],
  ['', []],
];

describe('issue keys in pull request text', () => {
  it.each(cases)('%j → %j', (text, keys) => {
    expect(findIssueKeys(text, options)).toEqual(keys);
  });

  it('without a project list, every key-shaped word is a mention; links keep their host', () => {
    expect(issueKeyMentions('UTF-8 and https://Acme.Atlassian.net/browse/proj-1 and abc-2')).toEqual([
      { key: 'UTF-8' },
      { key: 'PROJ-1', host: 'acme.atlassian.net' },
      { key: 'ABC-2' },
    ]);
    expect(findIssueKeys('UTF-8 and SHA-256')).toEqual(['UTF-8', 'SHA-256']);
  });
});
