import { condition, setHandler } from '@temporalio/workflow';
import {
  cancelSessionSignal,
  rescheduleSessionSignal,
  YES_NO,
  type CancelSessionRequest,
  type RescheduleSessionRequest,
} from './contracts';
import type { Participation } from './participation';
import type { TaskSpec } from './task-record';

export interface SessionPlan {
  /** Stable key within the participation (`s1`, `gc-2027`), used to move or cancel it. */
  key: string;
  date: string;
  /** Who attends for the ministry and writes the debrief. */
  leadId: string;
  /**
   * How people read it on a given date: "Executive Board, 2027-04-03". A function of the
   * date, so that a moved session is named by its new date (tasks, waits, the page).
   */
  label: (date: string) => string;
}

type SessionStatus = 'scheduled' | 'held' | 'cancelled';
interface SessionState extends SessionPlan {
  status: SessionStatus;
  /** Bumped at each move, so a wait in progress starts over on the new date. */
  version: number;
}

export interface HoldOptions {
  /** An attendance task for the lead after the session (`attended: yes|no`). */
  attendance: boolean;
  debrief: boolean;
  dueInMs: number;
  remindBeforeMs: number;
}

/**
 * The participation's scheduled sessions: each a durable timer to its date,
 * moved or cancelled by the `rescheduleSession` and `cancelSession` signals
 * (or by an event), then attendance and a debrief task.
 */
export class SessionCalendar {
  private readonly sessions = new Map<string, SessionState>();

  constructor(private readonly p: Participation) {
    setHandler(rescheduleSessionSignal, (request) => this.reschedule(request));
    setHandler(cancelSessionSignal, (request) => this.cancel(request));
  }

  /** Adds a session, or moves it when its key is already planned and not yet held. */
  plan(session: SessionPlan): void {
    const known = this.sessions.get(session.key);
    if (known && known.status === 'scheduled') {
      Object.assign(known, { date: session.date, leadId: session.leadId, label: session.label, version: known.version + 1 });
    } else if (!known) {
      this.sessions.set(session.key, { ...session, status: 'scheduled', version: 0 });
    }
    this.publish();
  }

  /** Names who attends a session still to come, keeping its date and any move. */
  assignLead(key: string, leadId: string): void {
    const session = this.sessions.get(key);
    if (session?.status !== 'scheduled') return;
    session.leadId = leadId;
    this.publish();
  }

  /** The session's name on its current date (after any move); undefined for an unknown key. */
  labelOf(key: string): string | undefined {
    const session = this.sessions.get(key);
    return session && session.label(session.date);
  }

  /** The earliest session still to come. */
  next(): SessionPlan | undefined {
    return [...this.sessions.values()]
      .filter((s) => s.status === 'scheduled')
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.key.localeCompare(b.key))[0];
  }

  /** Waits for the session's date, following its moves; then attendance and debrief. False when cancelled. */
  async hold(key: string, options: HoldOptions): Promise<boolean> {
    if (!(await this.awaitDate(key))) return false;
    const session = this.sessions.get(key) as SessionState;
    session.status = 'held';
    this.publish();
    const label = session.label(session.date);
    await this.p.journalEntry(`session/${key}/held`, 'session.held', 'workflow', { key, date: session.date });
    const task = (kind: string, extra: Partial<TaskSpec> = {}): TaskSpec => ({
      step: `session/${key}/${kind}`,
      kind,
      title: this.p.t(`task.session.${kind}.title` as 'task.session.debrief.title', { label }),
      instructions: this.p.t(`task.session.${kind}.instructions` as 'task.session.debrief.instructions', {
        label,
        title: this.p.header.title,
      }),
      assigneeId: session.leadId,
      dueInMs: options.dueInMs,
      remindBeforeMs: options.remindBeforeMs,
      ...extra,
    });
    if (options.attendance) {
      this.p.waitFor('tasks', 'wait.attendance', { label });
      await this.p.tasks.run(task('attendance', { requiredFields: { attended: YES_NO } }));
    }
    if (options.debrief) {
      this.p.waitFor('tasks', 'wait.sessionDebrief', { label });
      await this.p.tasks.run(task('debrief'));
    }
    return true;
  }

  /** Holds every planned session in date order, including those added or moved meanwhile. */
  async holdAll(options: HoldOptions): Promise<void> {
    for (let session = this.next(); session; session = this.next()) await this.hold(session.key, options);
  }

  private async awaitDate(key: string): Promise<boolean> {
    for (;;) {
      const session = this.sessions.get(key);
      if (!session || session.status === 'cancelled') return false;
      const { version, date } = session;
      const label = session.label(date);
      this.p.waitFor('session-date', 'wait.session', { label }, date);
      this.p.refreshTaskAttributes(date);
      const waitMs = Date.parse(date) - Date.now();
      if (waitMs <= 0) return true;
      const moved = await condition(() => session.version !== version || session.status !== 'scheduled', waitMs, {
        summary: this.p.t('timer.sessionAt', { label, date }),
      });
      if (!moved) return true;
    }
  }

  private async reschedule(request: RescheduleSessionRequest): Promise<void> {
    const session = this.sessions.get(request.sessionKey);
    if (!session || session.status !== 'scheduled' || Number.isNaN(Date.parse(request.date))) {
      await this.ignored(request.sessionKey, request.actorId, 'session.reschedule-ignored');
      return;
    }
    this.plan({ ...session, date: new Date(request.date).toISOString() });
    await this.p.journalEntry(
      `session/${session.key}/rescheduled`,
      'session.rescheduled',
      request.actorId,
      { key: session.key, date: session.date },
      request.reason,
    );
  }

  private async cancel(request: CancelSessionRequest): Promise<void> {
    const session = this.sessions.get(request.sessionKey);
    if (!session || session.status !== 'scheduled') {
      await this.ignored(request.sessionKey, request.actorId, 'session.cancel-ignored');
      return;
    }
    session.status = 'cancelled';
    this.publish();
    await this.p.journalEntry(
      `session/${session.key}/cancelled`,
      'session.cancelled',
      request.actorId,
      { key: session.key },
      request.reason,
    );
  }

  private async ignored(key: string, actorId: string, action: string): Promise<void> {
    const note = this.p.t('audit.sessionNotScheduled', { key: String(key) });
    await this.p.journalEntry(`session/${String(key)}/ignored`, action, actorId, { key }, note);
  }

  /** The calendar as the `getState` query shows it. */
  private publish(): void {
    this.p.details.sessions = [...this.sessions.values()].map(({ key, date, label, leadId, status }) => ({
      key,
      date,
      label: label(date),
      leadId,
      status,
    }));
  }
}
