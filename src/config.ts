// The one place that reads the environment. Every variable is validated at once so a bad
// deployment hears about all of its problems in a single message.
import { existsSync } from 'node:fs';

import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
  .optional()
  .or(z.literal('').transform(() => undefined));

const port = z.coerce.number().int().min(0).max(65535);

export const environmentSchema = z.object({
  DATABASE_URL: postgresUrl,
  INCHANNEL_DATA_DIR: z.string().trim().min(1).default('./data/pglite'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_PORT: port.default(3000),
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_API_URL: z.url().default('https://discord.com/api'),
  DISCORD_ADMIN_ROLE: optionalText,
  DISCORD_GUILD_ID: optionalText,
});

export type Config = z.infer<typeof environmentSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Adds the settings in a `.env` file, when there is one, to the environment. Variables already
 * set in the environment win over the file.
 */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  problems.push(...slackModeProblems(environment));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** Slack needs its bot token plus either an app token (Socket Mode) or a signing secret (HTTP). */
function slackModeProblems(environment: NodeJS.ProcessEnv): string[] {
  const bot = isSet(environment.SLACK_BOT_TOKEN);
  const app = isSet(environment.SLACK_APP_TOKEN);
  const secret = isSet(environment.SLACK_SIGNING_SECRET);
  if (!bot && !app && !secret) return [];
  const problems: string[] = [];
  if (!bot) problems.push('SLACK_BOT_TOKEN: required when any SLACK_ variable is set (xoxb-...)');
  if (!app && !secret) {
    problems.push(
      'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: set the app token (xapp-...) for Socket Mode ' +
        'or the signing secret for HTTP mode',
    );
  }
  return problems;
}

export function slackEnabled(config: Config): boolean {
  return config.SLACK_BOT_TOKEN !== undefined;
}

export function discordEnabled(config: Config): boolean {
  return config.DISCORD_TOKEN !== undefined;
}
