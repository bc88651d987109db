// Registers inchannel's slash commands with Discord.
//   npm run discord:deploy                  guild DISCORD_GUILD_ID if set, else global
//   npm run discord:deploy -- --guild <id>  that guild (instant; global takes up to an hour)
//   npm run discord:deploy -- --global      globally, even when DISCORD_GUILD_ID is set
import { parseArgs } from 'node:util';

import { deployCommands } from '../adapters/discord/deploy.js';
import { loadConfig, loadDotEnv } from '../src/config.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { guild: { type: 'string' }, global: { type: 'boolean', default: false } },
  });
  loadDotEnv();
  const config = loadConfig();
  const guildId = values.global ? undefined : (values.guild ?? config.DISCORD_GUILD_ID);

  const result = await deployCommands({ config, guildId });
  const where = result.scope === 'guild' ? `guild ${guildId}` : 'every guild (global)';
  console.log(
    `Registered ${result.names.length} commands for ${where}: /${result.names.join(', /')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
