import { spawn } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freshLocation, type TestLocation } from './support/database.js';
import { FakeDiscord, TOKEN } from './support/discord-fake.js';
import { IDS, person, slash } from './support/discord-payloads.js';
import { childEnv, ROOT } from './support/processes.js';
import { SlackFake, type Json } from './support/slack-fake.js';

let location: TestLocation;
let slack: SlackFake;
let discord: FakeDiscord;

beforeAll(async () => {
  location = await freshLocation();
  slack = await SlackFake.start();
  discord = await FakeDiscord.start();
});

afterAll(async () => {
  await slack?.close();
  await discord?.close();
  await location?.cleanup();
});

function slashEnvelope(
  id: string,
  command: string,
  responseUrl: string,
): Json & { envelope_id: string } {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      team_id: 'T1',
      team_domain: 'acme',
      channel_id: 'C1',
      user_id: 'UANA',
      user_name: 'ana',
      command,
      text: '',
      api_app_id: 'A1',
      response_url: responseUrl,
      trigger_id: `trigger-${id}`,
    },
  };
}

async function until(check: () => boolean, what: string, output: () => string): Promise<void> {
  for (let waited = 0; waited < 1200; waited += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not happen:\n${output()}`);
}

describe('npm start with Slack and Discord tokens', { timeout: 240_000 }, () => {
  it('serves both platforms side by side from one process and stops cleanly', async () => {
    const env = {
      ...location.env,
      SLACK_BOT_TOKEN: 'xoxb-side-by-side',
      SLACK_APP_TOKEN: 'xapp-side-by-side',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: IDS.application,
      DISCORD_API_URL: discord.apiUrl,
    };
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    bot.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bot.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => bot.on('close', resolve));

    await until(
      () => output.includes('"msg":"inchannel started"'),
      'start',
      () => output,
    );
    expect(output).toContain('"adapters":["slack","discord"]');
    expect(output).not.toContain('in your terminal');
    expect(slack.openSockets()).toBe(1);

    slack.users.set('UANA', { id: 'UANA', name: 'ana', isAdmin: false });
    const responseUrl = slack.responseUrl();
    await slack.sendEnvelope(slashEnvelope('env-1', '/help', responseUrl));
    const slackHelp = await slack.waitForPost(responseUrl);
    expect(JSON.stringify(slackHelp)).toContain('/annotate');

    const help = slash(person('ben'), 'help', '');
    const from = discord.requests.length;
    discord.interact(help);
    const callback = await discord.waitFor(
      (request) => request.path === `/interactions/${help.id}/${help.token}/callback`,
      from,
    );
    expect(JSON.stringify(callback.body)).toContain('/annotate');

    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"shutting down"');
    for (const secret of ['xoxb-side-by-side', 'xapp-side-by-side', TOKEN]) {
      expect(output).not.toContain(secret);
    }
  });
});
