// Runs the real command line and bot as child processes, as an admin would.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // The child sees no platform tokens from this shell or a .env file, only those a test gives
  // it: an empty variable counts as unset and wins over the file.
  const { DATABASE_URL: _url, INCHANNEL_DATA_DIR: _dir, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, LOG_LEVEL: 'info' };
  for (const key of [
    'SLACK_BOT_TOKEN',
    'SLACK_APP_TOKEN',
    'SLACK_SIGNING_SECRET',
    'DISCORD_TOKEN',
  ]) {
    env[key] = '';
  }
  return { ...env, ...extra };
}

export function inchannel(
  args: string[],
  env: Record<string, string>,
  cwd = ROOT,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}/bin/inchannel.mjs`, ...args], {
      cwd,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
