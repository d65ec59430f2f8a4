import type { ParticipationContext } from './participation-context';

/** Appends one entry to the participation's audit journal, idempotent by its step key. */
export async function journal(
  p: ParticipationContext<string>,
  entry: { step: string; action: string; actorId: string; target?: string; newValue?: unknown; note?: string },
): Promise<void> {
  const said = p.describe(entry.action, flatParams(entry.newValue));
  await p.write(
    {
      name: 'appendJournal',
      input: {
        workflowId: p.workflowId,
        participationId: p.header.participationId,
        stepKey: p.nextStepKey(entry.step),
        actorId: entry.actorId,
        action: entry.action,
        target: entry.target ?? p.workflowId,
        newValue: entry.newValue,
        note: entry.note,
        at: new Date(Date.now()).toISOString(),
      },
    },
    p.t('activity.journal', { action: said }),
  );
}

/** The entry's new value as sentence parameters, when it is a flat record (e.g. `{ decision: 'granted' }`). */
function flatParams(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
