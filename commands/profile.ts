// /profile: the member's own achievements, metrics and history.
import { z } from 'zod';

import { subcommand, type Command } from '../src/core/command.js';
import { message } from '../src/core/view.js';
import { memberProfile, type Profile } from '../src/quality/profile.js';

function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

export function profileBlocks(profile: Profile) {
  const batches = profile.batches.map((batch) => `${batch.name}: ${batch.answered}`).join(', ');
  return [
    { type: 'header' as const, text: 'Your annotation record' },
    {
      type: 'fields' as const,
      fields: [
        { label: 'Answers', value: String(profile.answers) },
        {
          label: 'Gold agreement',
          value: `${percent(profile.goldAgreement)} over ${profile.goldAnswered}`,
        },
        { label: 'Mean confidence', value: profile.meanConfidence?.toFixed(2) ?? '—' },
        {
          label: 'Median time',
          value: profile.medianSeconds === null ? '—' : `${Math.round(profile.medianSeconds)} s`,
        },
        {
          label: 'Audits',
          value: `${profile.reviewsPassed} passed, ${profile.reviewsFailed} failed`,
        },
        {
          label: 'Badges',
          value: profile.badges.length === 0 ? 'none yet' : profile.badges.join(', '),
        },
      ],
    },
    { type: 'text' as const, text: batches === '' ? 'No answers yet.' : `Batches: ${batches}` },
  ];
}

export const profileCommand: Command = {
  name: 'profile',
  description: 'Your own annotation record: answers, quality, badges',
  subcommands: {
    '': subcommand({
      description: 'Your own annotation record: answers, quality, badges',
      access: 'member',
      options: [],
      schema: z.object({}),
      run: async (ctx, { identity }) =>
        message(profileBlocks(await memberProfile(ctx, identity.memberId))),
    }),
  },
};
