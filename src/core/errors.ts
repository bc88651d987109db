// Errors come in two kinds. A UserError is the member's or admin's own mistake: it carries a
// stable code and a message they see, saying what to do. Anything else is ours: it is logged
// with its stack and the person gets a short apology with an incident id.
import { randomBytes } from 'node:crypto';

export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export interface ErrorReply {
  text: string;
  code: string;
  incidentId?: string;
}

export function newIncidentId(): string {
  return randomBytes(4).toString('hex');
}

/** The one mapping from a thrown value to what the person sees. */
export function describeError(error: unknown, incidentId = newIncidentId()): ErrorReply {
  if (error instanceof UserError) {
    const details = error.details.map((detail) => `• ${detail}`).join('\n');
    return {
      text: details === '' ? error.message : `${error.message}\n${details}`,
      code: error.code,
    };
  }
  return {
    text: `Sorry, something went wrong on our side. Incident ${incidentId} has been logged.`,
    code: 'internal',
    incidentId,
  };
}
