import { sleep } from '@temporalio/workflow';
import { readableDate } from './contracts';
import type { Participation } from './participation';

/** Waits on a durable timer until a session opens; a date already past does not wait. */
export async function awaitSession(p: Participation, session: { index: number; total: number; date: string }): Promise<void> {
  const waitMs = Date.parse(session.date) - Date.now();
  p.waitFor('session-date', 'wait.sessionDate', { index: session.index, total: session.total }, session.date);
  p.refreshTaskAttributes(session.date);
  if (waitMs > 0) {
    await sleep(waitMs, { summary: p.t('timer.session', { ...session, date: readableDate(session.date) }) });
  }
}
