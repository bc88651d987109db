// Registration: the deploy function sends Discord exactly what COMMANDS declares, to one guild or
// globally, and starting the bot registers nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { commandPayloads, deployCommands } from '../../adapters/discord/index.js';
import { COMMANDS } from '../../commands/index.js';
import type { Command, OptionSpec } from '../../src/core/command.js';
import { environmentSchema } from '../../src/config.js';
import { FakeDiscord, type RecordedRequest } from '../support/discord-fake.js';
import { discordConfig, startHarness, type Harness } from '../support/discord-harness.js';
import { IDS } from '../support/discord-payloads.js';

const TYPES = { string: 3, integer: 4, boolean: 5, number: 10, attachment: 11 };

interface OptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: Array<{ name: string; value: string }>;
  options?: OptionJson[];
}

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

function expectOptions(json: OptionJson[] | undefined, specs: OptionSpec[]): void {
  expect(json?.map((o) => o.name).sort()).toEqual(specs.map((s) => s.name).sort());
  // Discord refuses a required option after an optional one.
  const required = (json ?? []).map((o) => o.required === true);
  expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
  for (const spec of specs) {
    const option = json?.find((o) => o.name === spec.name);
    expect(option?.type).toBe(TYPES[spec.type]);
    expect(option?.required).toBe(spec.required === true);
    expect(option?.choices?.map((c) => c.value)).toEqual(spec.choices ?? undefined);
  }
}

function expectCommand(json: OptionJson, command: Command): void {
  expect(json.name).toBe(command.name);
  expect(json.description.length).toBeLessThanOrEqual(100);
  const root = command.subcommands[''];
  if (root !== undefined) {
    expectOptions(json.options, root.options);
    return;
  }
  expect(json.options?.map((o) => o.name).sort()).toEqual(Object.keys(command.subcommands).sort());
  for (const [name, sub] of Object.entries(command.subcommands)) {
    const option = json.options?.find((o) => o.name === name);
    expect(option?.type).toBe(1);
    expectOptions(option?.options, sub.options);
  }
}

const registration = (path: RegExp) => (r: RecordedRequest) =>
  r.method === 'PUT' && path.test(r.path);

describe('registering commands', () => {
  it('puts every command of COMMANDS, with subcommands and typed options', async () => {
    const config = discordConfig(fake);
    const result = await deployCommands({ config, guildId: IDS.guild, rest: { retries: 0 } });
    expect(result).toEqual({ scope: 'guild', names: COMMANDS.map((c) => c.name) });

    const put = await fake.waitFor(registration(/\/guilds\/\d+\/commands$/));
    expect(put.path).toBe(`/applications/${IDS.application}/guilds/${IDS.guild}/commands`);
    expect(put.authorization).toBe(`Bot ${config.DISCORD_TOKEN}`);
    expect(put.body).toEqual(commandPayloads(COMMANDS, { adminRole: 'inchannel-admin' }));
    const list = put.body as unknown as OptionJson[];
    COMMANDS.forEach((command, index) => expectCommand(list[index]!, command));
  });

  it('registers globally, hiding admin-only commands behind Manage Server', async () => {
    const config = environmentSchema.parse({
      ...discordConfig(fake),
      DISCORD_ADMIN_ROLE: '',
    });
    await deployCommands({ config, rest: { retries: 0 } });
    const put = await fake.waitFor(registration(/^\/applications\/\d+\/commands$/));
    const list = put.body as unknown as Array<{
      name: string;
      default_member_permissions: unknown;
    }>;
    const permissions = Object.fromEntries(list.map((c) => [c.name, c.default_member_permissions]));
    expect(permissions).toMatchObject({ member: '32', export: '32', annotate: null, batch: null });
  });
});

describe('starting the bot', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });

  it('registers no commands', async () => {
    h = await startHarness();
    expect(h.fake.requests.filter((r) => r.path.endsWith('/commands'))).toEqual([]);
  });
});
