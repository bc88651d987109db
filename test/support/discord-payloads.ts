// Every Discord payload the tests send is built here, with real-looking snowflakes (the REST
// client derives rate-limit buckets and timestamps from them).
import type { FakeMessage } from './discord-fake.js';

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A snowflake for now: milliseconds since Discord's epoch, then worker, process, increment. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export const IDS = {
  application: '1184706113412870144',
  bot: '1184706113412870144',
  guild: '1092436481235947560',
  channel: '1092436482041249853',
  adminRole: '1092440157367431228',
  owner: '1092436100923801691',
};

export const MANAGE_GUILD = '32';

export interface Person {
  id: string;
  username: string;
  roles?: string[];
  permissions?: string;
}

export function person(username: string, extra: Partial<Person> = {}): Person {
  return { id: snowflake(), username, ...extra };
}

type Data = Record<string, unknown>;

export interface InteractionPayload extends Data {
  id: string;
  token: string;
  message?: { id: string };
}

/** The one builder: the fields discord.js needs on every interaction, around `data`. */
export function interactionPayload(
  type: 2 | 3 | 5,
  who: Person,
  data: Data,
  message?: FakeMessage,
): InteractionPayload {
  const id = snowflake();
  return {
    id,
    token: `aW50ZXJhY3Rpb246${id}:fake-interaction-token`,
    application_id: IDS.application,
    type,
    guild_id: IDS.guild,
    channel_id: IDS.channel,
    channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'annotation' },
    member: {
      user: {
        id: who.id,
        username: who.username,
        discriminator: '0',
        global_name: null,
        avatar: null,
      },
      roles: who.roles ?? [],
      permissions: who.permissions ?? '0',
      joined_at: '2026-01-05T10:00:00.000Z',
      nick: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    },
    data,
    locale: 'en-GB',
    guild_locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: { '0': IDS.guild },
    context: 0,
    version: 1,
    attachment_size_limit: 10_485_760,
    ...(message === undefined ? {} : { message: messagePayload(message) }),
  };
}

function messagePayload(message: FakeMessage): Data & { id: string } {
  return {
    ...message,
    type: 0,
    author: { id: IDS.bot, username: 'inchannel', discriminator: '0', avatar: null, bot: true },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    attachments: [],
  };
}

export type OptionInput =
  string | number | boolean | { attachment: { filename: string; url: string; size: number } };

const OPTION_TYPE = { string: 3, integer: 4, boolean: 5, number: 10, attachment: 11 } as const;

function optionData(name: string, value: OptionInput, resolved: Record<string, Data>): Data {
  if (typeof value === 'object') {
    const id = snowflake();
    const { filename, url, size } = value.attachment;
    resolved[id] = { id, filename, size, url, proxy_url: url, content_type: 'application/json' };
    return { name, type: OPTION_TYPE.attachment, value: id };
  }
  const type =
    typeof value === 'boolean'
      ? OPTION_TYPE.boolean
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? OPTION_TYPE.integer
          : OPTION_TYPE.number
        : OPTION_TYPE.string;
  return { name, type, value };
}

/** A slash command, with a subcommand when `sub` is not empty. */
export function slash(
  who: Person,
  name: string,
  sub: string,
  options: Record<string, OptionInput> = {},
) {
  const attachments: Record<string, Data> = {};
  const list = Object.entries(options).map(([key, value]) => optionData(key, value, attachments));
  const data: Data = {
    id: snowflake(),
    name,
    type: 1,
    options: sub === '' ? list : [{ name: sub, type: 1, options: list }],
    ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
  };
  return interactionPayload(2, who, data);
}

export function press(who: Person, message: FakeMessage, customId: string) {
  return interactionPayload(3, who, { custom_id: customId, component_type: 2 }, message);
}

export function choose(who: Person, message: FakeMessage, customId: string, values: string[]) {
  return interactionPayload(3, who, { custom_id: customId, component_type: 3, values }, message);
}

/** A modal submit in the Label layout (type 18 around each text input). */
export function submitModal(
  who: Person,
  message: FakeMessage | undefined,
  customId: string,
  fields: Record<string, string>,
) {
  const components = Object.entries(fields).map(([id, value]) => ({
    type: 18,
    component: { type: 4, custom_id: id, value },
  }));
  return interactionPayload(5, who, { custom_id: customId, components }, message);
}
