import { setTimeout as delay } from 'node:timers/promises';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { ResultRow } from './results';
import { summarize, type LatencySummary } from './stats';
import { countTasks, eventsUntil, meanCounts, updateRounds, type HistoryEvent, type MeanCounts, type TaskCounts } from './task-counts';
import { taskTimes, type TaskTimes } from './task-times';

/** A workflow a launch started, and when (epoch ms) the launch's answer reached the bench. */
export interface Launched {
  workflowId: string;
  answeredAtMs: number;
}

/** A workflow that received measured Updates: its last `rounds` Updates named `updateName` are the measured ones. */
export interface Updated {
  workflowId: string;
  updateName: string;
  rounds: number;
}

/** Histories fetched at once, a few at a time: the server is shared with the rest of the run. */
const IN_FLIGHT = 8;

/**
 * Per launch, from the histories of up to `sample` of the launched workflows:
 * everything the workflow did before it went quiet (the scenarios' rounds then
 * wait on the federal answer), and the part recorded before the launch answered.
 */
export async function countLaunches(
  client: Client,
  launched: readonly Launched[],
  sample: number,
): Promise<{ total: MeanCounts; beforeAnswer: MeanCounts }> {
  const picked = pick(launched, sample);
  const histories = await fetchAll(
    client,
    picked.map((launch) => launch.workflowId),
  );
  const total: TaskCounts[] = [];
  const beforeAnswer: TaskCounts[] = [];
  picked.forEach((launch, i) => {
    const events = histories[i];
    if (!events) return;
    total.push(countTasks(events));
    beforeAnswer.push(countTasks(eventsUntil(events, launch.answeredAtMs)));
  });
  return { total: meanCounts(total), beforeAnswer: meanCounts(beforeAnswer) };
}

/** Each part of a round's time (task-times), over the rounds measured. */
export type RoundTimes = Record<keyof TaskTimes, LatencySummary>;

/** Per Update round (a hand-over, a bare Update), over the measured rounds of each workflow. */
export async function countUpdateRounds(
  client: Client,
  updated: readonly Updated[],
): Promise<MeanCounts & { missing: number; times: RoundTimes }> {
  const histories = await fetchAll(
    client,
    updated.map((u) => u.workflowId),
  );
  const rounds: TaskCounts[] = [];
  const times: TaskTimes[] = [];
  let missing = 0;
  updated.forEach((u, i) => {
    const found = histories[i] ? updateRounds(histories[i], u.updateName).slice(-u.rounds) : [];
    missing += u.rounds - found.length;
    rounds.push(...found.map(countTasks));
    times.push(...found.map(taskTimes));
  });
  const part = (key: keyof TaskTimes) => summarize(times.map((t) => t[key]));
  return {
    ...meanCounts(rounds),
    missing,
    times: { waitingMs: part('waitingMs'), inWorkerMs: part('inWorkerMs'), localActivityMs: part('localActivityMs') },
  };
}

/** Each workflow's events, or undefined when its history could not be read (counted as missing, never as zero). */
async function fetchAll(client: Client, workflowIds: string[]): Promise<Array<HistoryEvent[] | undefined>> {
  const out = workflowIds.map((): HistoryEvent[] | undefined => undefined);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, workflowIds.length) }, async () => {
      for (let i = next++; i < workflowIds.length; i = next++) {
        const handle = client.workflow.getHandle(workflowIds[i]);
        await quiet(handle);
        const history = await handle.fetchHistory().catch(() => undefined);
        out[i] = history?.events ?? undefined;
      }
    }),
  );
  return out;
}

/**
 * Waits until the workflow has no workflow task and no activity pending, so that
 * the work a launch or the last hand-over left running is in the history (the API
 * answers a launch after its first write, with two more still to come).
 */
async function quiet(handle: WorkflowHandle, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { raw } = await handle.describe().catch(() => ({ raw: undefined }));
    if (!raw || (!raw.pendingWorkflowTask && (raw.pendingActivities ?? []).length === 0) || Date.now() > deadline) return;
    await delay(100);
  }
}

/** Up to `size` items, spread evenly over the list (the first launches and the last alike). */
function pick<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  return Array.from({ length: size }, (_, k) => items[Math.floor((k * items.length) / size)]);
}

/** Table rows of counts per `unit` (launch, hand-over), ours beside bare; empty samples show as —. */
export function countRows(prefix: string, unit: string, ours: MeanCounts, bare: MeanCounts): ResultRow[] {
  const row = (what: string, value: (counts: TaskCounts) => number): ResultRow => {
    const [o, b] = [ours.windows ? value(ours.mean) : null, bare.windows ? value(bare.mean) : null];
    return { metric: `${prefix}${what} per ${unit}`, ours: o, baseline: b, ratio: o !== null && b ? o / b : null };
  };
  return [
    row('workflow tasks', (c) => c.workflowTasksCompleted),
    row('activity tasks', (c) => c.activityTasks),
    row('local activities', (c) => c.localActivities),
    row('failed or timed-out workflow tasks', (c) => c.workflowTasksFailed + c.workflowTasksTimedOut),
  ];
}

/** "waiting for a worker p50 1.2 ms, in the worker p50 9.8 ms (local activities 6.1)" for the notes. */
export function describeTimes(times: RoundTimes): string {
  if (times.inWorkerMs.count === 0) return 'no round timed';
  const ms = (value: number) => value.toFixed(1);
  return (
    `waiting for a worker p50 ${ms(times.waitingMs.p50)} ms (p99 ${ms(times.waitingMs.p99)}), ` +
    `in the worker p50 ${ms(times.inWorkerMs.p50)} ms (p99 ${ms(times.inWorkerMs.p99)}), ` +
    `of which local activities p50 ${ms(times.localActivityMs.p50)} ms (p99 ${ms(times.localActivityMs.p99)})`
  );
}

/** "3 workflow tasks (2–4), 2.5 activity tasks, 0 local activities, 1 Updates accepted, 23 events per hand-over, over 20" for the notes. */
export function describeCounts(counts: MeanCounts, unit: string): string {
  const {
    mean,
    windows,
    workflowTasksRange: [low, high],
  } = counts;
  if (windows === 0) return `no ${unit} counted`;
  const spread = low === high ? '' : ` (${low}–${high})`;
  const n = (value: number) => Number(value.toFixed(2));
  return (
    `${n(mean.workflowTasksCompleted)} workflow tasks${spread}, ${n(mean.activityTasks)} activity tasks, ` +
    `${n(mean.localActivities)} local activities, ${n(mean.updates)} Updates accepted, ${n(mean.events)} events per ${unit}, over ${windows}`
  );
}
