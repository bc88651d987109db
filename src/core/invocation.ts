// What an adapter hands the core: who acted, where, and what they did, in platform-neutral terms.

export type PlatformName = 'slack' | 'discord' | 'console';

export interface Actor {
  platform: PlatformName;
  workspaceId: string;
  workspaceName: string;
  memberId: string;
  displayName: string;
  /** The platform itself says this member administers the workspace (e.g. Manage Server). */
  platformAdmin?: boolean;
}

export interface Attachment {
  filename: string;
  text: string;
}

export type OptionValue = string | number | boolean | string[] | Attachment;

interface InvocationBase {
  actor: Actor;
  channelId?: string;
}

export interface CommandInvocation extends InvocationBase {
  kind: 'command';
  command: string;
  subcommand: string;
  options: Record<string, OptionValue>;
}

export interface ActionInvocation extends InvocationBase {
  kind: 'action';
  actionId: string;
  values: string[];
}

export interface FormInvocation extends InvocationBase {
  kind: 'form';
  formId: string;
  fields: Record<string, string>;
}

export type Invocation = CommandInvocation | ActionInvocation | FormInvocation;
