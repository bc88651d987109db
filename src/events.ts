// The append-only audit trail: who did what to which record, and when.
import type { Context } from './core/context.js';
import type { InputJsonObject } from './store/generated/internal/prismaNamespace.js';

export interface EventInput {
  workspaceId?: string | null;
  actorId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
}

type EventWriter = Pick<Context['prisma'], 'event'>;

export async function recordEvent(db: EventWriter, event: EventInput, at: Date): Promise<void> {
  await db.event.create({
    data: {
      workspaceId: event.workspaceId ?? null,
      actorId: event.actorId ?? null,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      data: (event.data ?? {}) as InputJsonObject,
      createdAt: at,
    },
  });
}
