// The app manifest in the repository creates every slash command the core runs.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { COMMANDS } from '../../commands/index.js';
import { buildManifest } from '../../adapters/slack/manifest.js';

const path = new URL('../../adapters/slack/manifest.json', import.meta.url);
const committed = JSON.parse(readFileSync(path, 'utf8')) as ReturnType<typeof buildManifest>;

describe('the Slack app manifest', () => {
  it('lists every command in COMMANDS as a slash command, and no other', () => {
    const listed = committed.features.slash_commands.map((entry) => entry.command).sort();
    const declared = COMMANDS.map((command) => `/${command.name}`).sort();
    expect(listed).toEqual(declared);
  });

  it('is what the commands generate today (run npm run slack:manifest after changing them)', () => {
    expect(committed).toEqual(buildManifest());
  });

  it('stays within what Slack accepts for commands', () => {
    for (const entry of committed.features.slash_commands) {
      expect(entry.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(entry.description.length).toBeLessThanOrEqual(2000);
      expect(entry.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000);
    }
  });

  it('enables interactivity, App Home, Socket Mode and the events the adapter listens to', () => {
    expect(committed.settings.interactivity.is_enabled).toBe(true);
    expect(committed.settings.socket_mode_enabled).toBe(true);
    expect(committed.features.app_home.home_tab_enabled).toBe(true);
    expect(committed.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(committed.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'users:read', 'im:write', 'files:write']),
    );
  });
});
