import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { historiesDir } from '../../test/helpers/histories';
import { LOCAL_ACTIVITY_MARKER } from '../../test/helpers/history-markers';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const { EventType } = temporal.api.enums.v1;

/*
 * What the settled batch (SETTLED_BATCH_PATCH) changes, read from the recorded
 * histories of one WTO round's sessions: an expert's completion and the task it
 * hands over to are committed by one local activity, in the workflow task that
 * accepted the completion, where runs batched before the patch used two.
 */
describe('projection batches: a hand-over in one transaction', () => {
  it('writes the completion and the next task in one batch once the workflow task has settled', () => {
    const rounds = completionRounds('session-calendar-settled.json');
    const handOvers = handOversIn(rounds);
    // The completion first, then what the main line did next (a phase change, the next task), in one batch.
    for (const batches of handOvers) {
      expect(batches).toHaveLength(1);
      expect(batches[0][0]).toBe('changeTask');
      expect(batches[0]).toContain('openTask');
    }
    // A completion that opens nothing next (a timer comes first) is still one batch.
    for (const batches of rounds) expect(batches).toHaveLength(1);
  });

  it('took two batches for the same hand-overs in runs batched before the patch (kept as they were recorded)', () => {
    const handOvers = handOversIn(completionRounds('session-calendar-batched.json'));
    for (const batches of handOvers) {
      expect(batches).toHaveLength(2);
      expect(batches[0]).toEqual(['changeTask']);
      expect(batches[1]).toContain('openTask');
    }
  });
});

/** The completions that opened the next task (a hand-over), at least two of them for the test to say anything. */
function handOversIn(rounds: string[][][]): string[][][] {
  const handOvers = rounds.filter((batches) => batches.flat().includes('openTask'));
  expect(handOvers.length).toBeGreaterThanOrEqual(2);
  return handOvers;
}

/**
 * For each accepted `completeTask` Update, the write names of every batch
 * committed in the workflow task that accepted it (up to the next one scheduled).
 */
function completionRounds(file: string): string[][][] {
  const recorded = JSON.parse(readFileSync(join(historiesDir('wto-round'), file), 'utf8')) as { history: unknown };
  const events = historyFromJSON(recorded.history).events ?? [];
  const rounds: string[][][] = [];
  let current: string[][] | undefined;
  for (const event of events) {
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) {
      const name = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
      current = name === 'completeTask' ? [] : undefined;
      if (current) rounds.push(current);
    } else if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) {
      current = undefined;
    } else if (current) {
      const names = batchWrites(event);
      if (names) current.push(names);
    }
  }
  return rounds;
}

/** The names of the writes a local activity's marker committed, or undefined for any other event. */
function batchWrites(event: HistoryEvent): string[] | undefined {
  const marker = event.markerRecordedEventAttributes;
  if (marker?.markerName !== LOCAL_ACTIVITY_MARKER) return undefined;
  const [payload] = marker.details?.result?.payloads ?? [];
  const result = JSON.parse(Buffer.from(payload?.data ?? []).toString()) as { writes: Array<{ name: string }> };
  return result.writes.map((write) => write.name);
}
