/**
 * Turns a failed git command into the PulseError a user can act on: git missing, a path that is
 * not a repository, a repository this process may not read, or anything else git complained about.
 */
import { PulseError } from '@pulse/core';
import { GitError } from './client.ts';

/**
 * The user-facing error for `error`, thrown while working on the repository at `path`. An abort
 * (the sync was paused or cancelled) stays an AbortError: it is not the repository's fault.
 */
export function gitFailure(error: unknown, path: string): Error {
  if (error instanceof PulseError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  if (!(error instanceof GitError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new PulseError('GIT_COMMAND_FAILED', { message: `${path}: ${message}`, cause: error });
  }
  if (error.reason === 'missing') return new PulseError('GIT_NOT_INSTALLED', { cause: error });
  const said = firstLine(error.stderr) || error.message;
  if (/cannot change to|no such file or directory/i.test(error.stderr))
    return new PulseError('GIT_REPOSITORY_NOT_FOUND', {
      message: `${path} does not exist on the Pulse server (git: ${said}).`,
      cause: error,
    });
  if (/not a git repository/i.test(error.stderr))
    return new PulseError('GIT_REPOSITORY_NOT_FOUND', {
      message: `${path} is not a git repository (git: ${said}).`,
      cause: error,
    });
  if (/dubious ownership|permission denied|unable to access|insufficient permission/i.test(error.stderr))
    return new PulseError('GIT_REPOSITORY_UNREADABLE', { message: `${path}: ${said}`, cause: error });
  return new PulseError('GIT_COMMAND_FAILED', { message: `${path}: ${said}`, cause: error });
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}
