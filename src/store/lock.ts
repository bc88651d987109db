// PGlite has no locking between processes, and two on one data directory corrupt it. A lock file
// beside the directory, created exclusively and naming its owner, turns that into a clear refusal.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { UserError } from '../core/errors.js';

export interface DirectoryLock {
  readonly path: string;
  release(): void;
}

function ownerIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock of a PGlite data directory, or throws naming the process that holds it. */
export function lockDataDirectory(dataDir: string): DirectoryLock {
  const path = `${resolve(dataDir)}.lock`;
  mkdirSync(dirname(path), { recursive: true });

  if (!tryCreate(path)) {
    const owner = readOwner(path);
    if (owner !== undefined && ownerIsAlive(owner)) {
      throw new UserError(
        'database_locked',
        `The embedded database at ${resolve(dataDir)} is in use by process ${owner}` +
          `${owner === process.pid ? ' (this one)' : ''}. ` +
          'Stop that process, or set DATABASE_URL to a PostgreSQL server to run several.',
      );
    }
    // The owner is gone (a crash or kill -9): the lock is stale and ours to take.
    rmSync(path, { force: true });
    if (!tryCreate(path)) throw new UserError('database_locked', `Could not lock ${path}.`);
  }

  return {
    path,
    release: () => {
      if (readOwner(path) === process.pid) rmSync(path, { force: true });
    },
  };
}
