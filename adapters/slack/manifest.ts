// The Slack app manifest, built from COMMANDS so the app's slash commands can never drift from
// the ones the core runs. `npm run slack:manifest` writes it to manifest.json beside this file.
import { COMMANDS } from '../../commands/index.js';
import type { Command, OptionSpec } from '../../src/core/command.js';

export const BOT_SCOPES = [
  'commands', // slash commands
  'chat:write', // items, announcements and their updates
  'chat:write.public', // announce a batch in a public channel the bot has not joined
  'im:write', // open the direct message that App Home's Start and exports use
  'users:read', // is the member a workspace admin or owner?
  'files:write', // exports
] as const;

function optionHint(option: OptionSpec): string {
  const name = option.type === 'boolean' ? `--${option.name}` : option.name;
  const shown = option.choices === undefined ? name : option.choices.join('|');
  return option.required === true ? `<${shown}>` : `[${shown}]`;
}

/** e.g. `list | activate <name> | assign <name> [members] [--all]` */
function usageHint(command: Command): string {
  const hints = Object.entries(command.subcommands).map(([name, sub]) =>
    [name, ...sub.options.filter((o) => o.type !== 'attachment').map(optionHint)]
      .filter((word) => word !== '')
      .join(' '),
  );
  return hints.filter((hint) => hint !== '').join(' | ');
}

function slashCommand(command: Command) {
  const hint = usageHint(command);
  return {
    command: `/${command.name}`,
    description: command.description,
    ...(hint === '' ? {} : { usage_hint: hint }),
    // Escaped, mentions arrive as <@U123|name>, which the core's member options read.
    should_escape: true,
  };
}

export function buildManifest() {
  return {
    _metadata: { major_version: 2, minor_version: 1 },
    display_information: {
      name: 'inchannel',
      description: 'Annotate language-model data without leaving Slack',
      long_description:
        'inchannel runs human annotation of language-model data in Slack: ranking responses, ' +
        'tagging errors, safety review, writing, and classification with a rationale and a ' +
        'confidence. Items arrive privately, answers are stored as they are given, and team ' +
        'leads follow throughput and quality. Admins import, open, assign and export batches ' +
        'with slash commands.',
      background_color: '#1d3a5f',
    },
    features: {
      app_home: {
        home_tab_enabled: true,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: true,
      },
      bot_user: { display_name: 'inchannel', always_online: true },
      slash_commands: COMMANDS.map(slashCommand),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { bot_events: ['app_home_opened'] },
      interactivity: { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    },
  };
}
