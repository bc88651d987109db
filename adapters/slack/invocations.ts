// Reads Slack's payloads (slash commands, block actions, modal submissions) into the core's
// invocations, and notes where each came from so the answer can go back there.
import type { BlockAction, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';

import { findCommand } from '../../commands/index.js';
import { UserError } from '../../src/core/errors.js';
import type {
  Actor,
  ActionInvocation,
  CommandInvocation,
  FormInvocation,
} from '../../src/core/invocation.js';
import { parseCommandText } from '../../src/core/parse-text.js';
import { coreActionId } from './blocks.js';
import type { SlackUser } from './members.js';
import { submittedFields } from './modal.js';
import { originFromMetadata, type Origin } from './origin.js';

export function commandUser(command: SlashCommand): SlackUser {
  return {
    teamId: command.team_id,
    teamName: command.team_domain,
    userId: command.user_id,
    userName: command.user_name,
  };
}

export function commandOrigin(command: SlashCommand): Origin {
  return {
    userId: command.user_id,
    channelId: command.channel_id,
    responseUrl: command.response_url,
    triggerId: command.trigger_id,
  };
}

/** Parses the words after the command; a mistake in them is the user's, shown to them. */
export function commandInvocation(actor: Actor, command: SlashCommand): CommandInvocation {
  const name = command.command.replace(/^\//, '');
  const declared = findCommand(name);
  if (declared === undefined) throw new UserError('unknown_command', 'Unknown command. Try /help.');
  const parsed = parseCommandText(declared, command.text);
  return { kind: 'command', actor, command: name, channelId: command.channel_id, ...parsed };
}

type Interaction = BlockAction | ViewSubmitAction;

export function interactionUser(body: Interaction): SlackUser {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  return {
    teamId,
    teamName: body.team?.domain ?? '',
    userId: body.user.id,
    userName: body.user.name ?? body.user.id,
  };
}

/** The part of a block action's container we rely on, checked rather than assumed. */
const messageContainer = z.object({
  type: z.literal('message'),
  channel_id: z.string(),
  message_ts: z.string(),
  is_ephemeral: z.boolean().optional(),
});

export function actionOrigin(body: BlockAction): Origin {
  const container = messageContainer.safeParse(body.container);
  const channelId = body.channel?.id ?? (container.success ? container.data.channel_id : undefined);
  return {
    userId: body.user.id,
    triggerId: body.trigger_id,
    ...(channelId === undefined ? {} : { channelId }),
    ...(body.response_url === undefined ? {} : { responseUrl: body.response_url }),
    ...(container.success
      ? {
          message: {
            channel: container.data.channel_id,
            ts: container.data.message_ts,
            ephemeral: container.data.is_ephemeral === true,
          },
        }
      : {}),
  };
}

type StateValue = { selected_options?: Array<{ value: string }> | null } | undefined;

/** Every option chosen across the menus a long multi-select was split into, from the message's
 * state; undefined when Slack sent no state for them. */
function stateValues(body: BlockAction, coreId: string): string[] | undefined {
  let found = false;
  const values = new Set<string>();
  for (const actions of Object.values(body.state?.values ?? {})) {
    for (const [actionId, state] of Object.entries(actions) as Array<[string, StateValue]>) {
      if (coreActionId(actionId) !== coreId) continue;
      found = true;
      for (const chosen of state?.selected_options ?? []) values.add(chosen.value);
    }
  }
  return found ? [...values] : undefined;
}

function actionValues(body: BlockAction, coreId: string): string[] {
  const action = body.actions[0];
  if (action === undefined) return [];
  if (action.type === 'static_select') return [action.selected_option.value];
  if (action.type !== 'multi_static_select') return [];
  return stateValues(body, coreId) ?? action.selected_options.map((chosen) => chosen.value);
}

export function actionInvocation(actor: Actor, body: BlockAction): ActionInvocation {
  const actionId = coreActionId(body.actions[0]?.action_id ?? '');
  const channelId = body.channel?.id;
  return {
    kind: 'action',
    actor,
    actionId,
    values: actionValues(body, actionId),
    ...(channelId === undefined ? {} : { channelId }),
  };
}

export function formOrigin(body: ViewSubmitAction): Origin {
  return originFromMetadata(body.user.id, body.view.private_metadata);
}

export function formInvocation(actor: Actor, body: ViewSubmitAction): FormInvocation {
  return {
    kind: 'form',
    actor,
    formId: body.view.callback_id,
    fields: submittedFields(body.view.state.values),
  };
}
