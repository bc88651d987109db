// Who acted, as the core needs it. Whether Slack calls them an admin or owner comes from
// users.info, cached for a minute so a burst of button presses costs one lookup.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';

import type { Actor } from '../../src/core/invocation.js';

export interface SlackUser {
  teamId: string;
  teamName: string;
  userId: string;
  userName: string;
}

interface Known {
  displayName: string;
  platformAdmin: boolean;
  expires: number;
}

const TTL_MS = 60_000;

export class MemberDirectory {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** `stale: true` takes what is remembered even if old: a modal submission must be
   * acknowledged within 3 seconds, and its member was looked up when the modal opened. */
  async actor(client: webApi.WebClient, user: SlackUser, stale = false): Promise<Actor> {
    const known = await this.lookup(client, user, stale);
    return {
      platform: 'slack',
      workspaceId: user.teamId,
      workspaceName: user.teamName === '' ? user.teamId : user.teamName,
      memberId: user.userId,
      displayName: known.displayName,
      platformAdmin: known.platformAdmin,
    };
  }

  private async lookup(client: webApi.WebClient, user: SlackUser, stale: boolean) {
    const key = `${user.teamId}:${user.userId}`;
    const cached = this.known.get(key);
    const now = this.now().getTime();
    if (cached !== undefined && (stale || cached.expires > now)) return cached;

    const fetched = await this.fetch(client, user);
    const known = { ...fetched, expires: now + TTL_MS };
    if (fetched.confirmed) this.known.set(key, known);
    return known;
  }

  /** Without users.info (a missing scope, an outage) the member is treated as a non-admin. */
  private async fetch(client: webApi.WebClient, user: SlackUser) {
    try {
      const info = await client.users.info({ user: user.userId });
      const profile = info.user?.profile;
      const displayName =
        profile?.display_name || profile?.real_name || info.user?.name || user.userName;
      const platformAdmin = info.user?.is_admin === true || info.user?.is_owner === true;
      return { displayName: displayName || user.userId, platformAdmin, confirmed: true };
    } catch (error) {
      this.logger.warn({ err: error, user: user.userId }, 'slack users.info failed');
      return { displayName: user.userName || user.userId, platformAdmin: false, confirmed: false };
    }
  }
}
