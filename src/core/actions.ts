// Compact references carried in a button's or select's id (Discord allows 100 characters). They
// are never trusted: the handler re-checks ownership and state on the server.
import { z } from 'zod';

export const ACTION_VERBS = [
  'start',
  'next',
  'pick',
  'order',
  'labels',
  'severity',
  'rationale',
  'submit',
  'confirm',
  'skip',
  'correct',
] as const;

export type ActionVerb = (typeof ACTION_VERBS)[number];

export interface ActionRef {
  verb: ActionVerb;
  ref: string;
  arg: string;
}

const uuid = z.uuid();

export function actionId(verb: ActionVerb, ref: string, arg = ''): string {
  return arg === '' ? `${verb}:${ref}` : `${verb}:${ref}:${arg}`;
}

/** Parses an action id; undefined when it is not one of ours or is malformed. */
export function parseActionId(id: string): ActionRef | undefined {
  const [verb, ref, ...rest] = id.split(':');
  if (!ACTION_VERBS.includes(verb as ActionVerb)) return undefined;
  if (!uuid.safeParse(ref).success) return undefined;
  return { verb: verb as ActionVerb, ref: ref as string, arg: rest.join(':') };
}
