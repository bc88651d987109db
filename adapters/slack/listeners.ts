// What the app listens to: every slash command in COMMANDS, every button and menu of ours, the
// modals they open, and App Home. Slack waits 3 seconds for an acknowledgement, so each listener
// acknowledges before touching the database, except a modal submission, whose acknowledgement
// carries the field errors.
import type { App, BlockAction, SlashCommand, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Logger } from 'pino';

import { COMMANDS } from '../../commands/index.js';
import { ACTION_VERBS } from '../../src/core/actions.js';
import type { Context } from '../../src/core/context.js';
import { dispatch } from '../../src/core/dispatch.js';
import { describeError, newIncidentId } from '../../src/core/errors.js';
import { textReply, type Reply } from '../../src/core/view.js';
import type { AfterAck } from './after-ack.js';
import { deliver, DirectMessages } from './deliver.js';
import { homeView } from './home.js';
import {
  actionInvocation,
  actionOrigin,
  commandInvocation,
  commandOrigin,
  commandUser,
  formInvocation,
  formOrigin,
  interactionUser,
} from './invocations.js';
import type { MemberDirectory } from './members.js';
import { modalView } from './modal.js';
import type { Origin } from './origin.js';

export interface ListenerDeps {
  ctx: Context;
  logger: Logger;
  members: MemberDirectory;
  directMessages: DirectMessages;
  afterAck: AfterAck;
}

/** Our ids start with one of the core's verbs; anything else is not ours to answer. */
const OUR_IDS = new RegExp(`^(${ACTION_VERBS.join('|')}):`);

async function answer(
  deps: ListenerDeps,
  client: webApi.WebClient,
  origin: Origin,
  reply: Reply,
): Promise<void> {
  const delivery = { client, origin, logger: deps.logger, directMessages: deps.directMessages };
  try {
    await deliver(delivery, reply);
  } catch (error) {
    const incidentId = newIncidentId();
    deps.logger.error({ err: error, incidentId }, 'slack delivery failed');
    // One plain attempt to tell the member; if Slack is unreachable this fails too, and is logged.
    const apology = textReply(describeError(new Error('delivery'), incidentId).text);
    await deliver(delivery, apology).catch((again: unknown) => {
      deps.logger.error({ err: again, incidentId }, 'slack apology failed');
    });
  }
}

async function onCommand(deps: ListenerDeps, command: SlashCommand, client: webApi.WebClient) {
  const origin = commandOrigin(command);
  const actor = await deps.members.actor(client, commandUser(command));
  let reply: Reply;
  try {
    reply = await dispatch(deps.ctx, commandInvocation(actor, command));
  } catch (error) {
    // Only the text parsing can throw here (dispatch never does): the user's own mistake.
    reply = textReply(describeError(error).text);
  }
  await answer(deps, client, origin, reply);
}

async function onAction(deps: ListenerDeps, body: BlockAction, client: webApi.WebClient) {
  const origin = actionOrigin(body);
  const actor = await deps.members.actor(client, interactionUser(body));
  const reply = await dispatch(deps.ctx, actionInvocation(actor, body));
  await answer(deps, client, origin, reply);
}

function registerCommands(app: App, deps: ListenerDeps): void {
  for (const command of COMMANDS) {
    app.command(`/${command.name}`, async ({ ack, command: payload, client }) => {
      await ack();
      await deps.afterAck.run(() => onCommand(deps, payload, client));
    });
  }
}

function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(
    { type: 'block_actions', action_id: OUR_IDS },
    async ({ ack, body, client }) => {
      await ack();
      const opensModal = body.actions[0]?.action_id.startsWith('rationale:') === true;
      await deps.afterAck.run(() => onAction(deps, body, client), opensModal);
    },
  );
}

function registerForms(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(
    { type: 'view_submission', callback_id: OUR_IDS },
    async ({ ack, body, client }) => {
      const origin = formOrigin(body);
      const actor = await deps.members.actor(client, interactionUser(body), true);
      const reply = await dispatch(deps.ctx, formInvocation(actor, body));
      if (reply.type === 'formErrors') {
        await ack({ response_action: 'errors', errors: reply.errors });
        return;
      }
      if (reply.type === 'form') {
        await ack({ response_action: 'update', view: modalView(reply.form, origin) });
        return;
      }
      await ack();
      await answer(deps, client, origin, reply);
    },
  );
}

function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const user = { teamId: body.team_id, teamName: '', userId: event.user, userName: event.user };
    const actor = await deps.members.actor(client, user);
    await client.views.publish({ user_id: event.user, view: await homeView(deps.ctx, actor) });
  });
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerForms(app, deps);
  registerHome(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error, incidentId: newIncidentId() }, 'slack listener failed');
  });
}
