import type { AppConfig } from '@lib/config';
import type { TaskTiming } from '@lib/contracts';

/** Every kind's task durations, from configuration. */
export function taskTiming(config: AppConfig): TaskTiming {
  return { taskDueMs: config.durations.taskDueMs, taskReminderBeforeMs: config.durations.taskReminderBeforeMs };
}

export const isoDate = (value: string) => new Date(value).toISOString();
