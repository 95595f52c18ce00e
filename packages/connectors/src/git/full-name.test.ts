import { describe, expect, it } from 'vitest';
import { fullNameFromFolder, fullNameFromRemote } from './full-name.ts';

describe('fullNameFromRemote', () => {
  it.each([
    ['git@github.com:acme/api.git', 'acme/api'],
    ['github.com:acme/api', 'acme/api'],
    ['https://github.com/acme/api.git', 'acme/api'],
    ['https://x-access-token:secret@github.com/acme/api', 'acme/api'],
    ['ssh://git@git.example.com:2222/acme/api.git', 'acme/api'],
    ['https://gitlab.com/group/sub/api.git/', 'group/sub/api'],
    ['git://example.org/acme/api', 'acme/api'],
  ])('%s → %s', (url, name) => {
    expect(fullNameFromRemote(url)).toBe(name);
  });

  it.each([
    '/srv/git/acme/api.git',
    'file:///srv/git/acme/api.git',
    '../api',
    'https://github.com/api',
    'https://github.com',
    'C:/repos/api',
    'not a url',
  ])('%s is not a hosted repository', (url) => {
    expect(fullNameFromRemote(url)).toBeUndefined();
  });
});

describe('fullNameFromFolder', () => {
  it.each([
    ['/srv/git/api.git', 'api'],
    ['/home/me/api', 'api'],
    ['/home/me/api/', 'api'],
    ['/home/me/api/.git', 'api'],
  ])('%s → %s', (path, name) => {
    expect(fullNameFromFolder(path)).toBe(name);
  });
});
