import ical, { type ICalCalendar } from 'ical-generator';

/** A due date to show: an open task of the person's. */
export interface DueTask {
  id: string;
  title: string;
  dueAt: Date;
  workflowId: string;
}

/** A session the person attends for the ministry (its lead), still scheduled. */
export interface AttendedSession {
  workflowId: string;
  key: string;
  label: string;
  date: string;
  participationTitle: string;
}

/** A session's slot in the calendar: its start, for an hour (sessions carry no end). */
const SESSION_MS = 60 * 60 * 1000;
/** A due date shows as a 30-minute slot ending at the deadline, so it sits where the deadline falls. */
const DUE_MS = 30 * 60 * 1000;

/**
 * A person's calendar (RFC 5545): one event per open task at its due date,
 * one per session they attend. Event ids are stable (task id, workflow and
 * session key), so a calendar application updates an event that moved instead
 * of adding another.
 */
export function personCalendar(
  personId: string,
  words: { name: string; due: (title: string) => string },
  tasks: DueTask[],
  sessions: AttendedSession[],
  consoleUrl: string,
): ICalCalendar {
  const calendar = ical({ name: words.name, prodId: { company: 'participation-engine', product: 'calendar-feed' } });
  for (const task of tasks) {
    calendar.createEvent({
      id: `task-${task.id}@participation-engine`,
      start: new Date(task.dueAt.getTime() - DUE_MS),
      end: task.dueAt,
      summary: words.due(task.title),
      description: task.workflowId,
      url: `${consoleUrl}/console/tasks/${task.id}`,
    });
  }
  for (const session of sessions) {
    const start = new Date(session.date);
    calendar.createEvent({
      id: `session-${session.workflowId}-${session.key}@participation-engine`.replace(/[^A-Za-z0-9@._-]/g, '-'),
      start,
      end: new Date(start.getTime() + SESSION_MS),
      summary: session.label,
      description: `${session.participationTitle} (${session.workflowId}) — ${personId}`,
    });
  }
  return calendar;
}
