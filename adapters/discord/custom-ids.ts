// The adapter's own marks on component ids. The core's ids (`verb:uuid[:arg]`) go to Discord
// unchanged except for a suffix when one core control becomes several Discord components: a
// select split into chunks of 25 options, or a button repeated in one message (Discord refuses
// duplicate ids). Pager buttons belong to the adapter alone and never reach the core.
import { LIMITS } from './limits.js';

const MARK = '~';
const PAGER = `${MARK}page${MARK}`;

export type DecodedId =
  { kind: 'core'; id: string; chunk?: number } | { kind: 'page'; anchor: string; page: number };

export function chunkId(coreId: string, chunk: number): string {
  return checked(`${coreId}${MARK}c${chunk}`);
}

export function duplicateId(coreId: string, copy: number): string {
  return checked(`${coreId}${MARK}d${copy}`);
}

export function pagerId(anchor: string, page: number): string {
  return checked(`${PAGER}${page}${MARK}${anchor}`);
}

export function decodeId(customId: string): DecodedId {
  if (customId.startsWith(PAGER)) {
    const rest = customId.slice(PAGER.length);
    const split = rest.indexOf(MARK);
    return { kind: 'page', page: Number(rest.slice(0, split)), anchor: rest.slice(split + 1) };
  }
  const match = /^(.*)~([cd])(\d+)$/.exec(customId);
  if (match === null) return { kind: 'core', id: customId };
  const [, id = '', tag, index = '0'] = match;
  return tag === 'c' ? { kind: 'core', id, chunk: Number(index) } : { kind: 'core', id };
}

/** The id itself, or an error naming its length when Discord would refuse it. */
export function checked(id: string): string {
  if (id.length > LIMITS.customId) {
    throw new Error(`component id is ${id.length} characters; Discord allows ${LIMITS.customId}`);
  }
  return id;
}
