/** Durations of every human task, in milliseconds, from configuration (seconds in tests). */
export interface TaskTiming {
  taskDueMs: number;
  taskReminderBeforeMs: number;
}

export const TASK_TIMING_KEYS = ['taskDueMs', 'taskReminderBeforeMs'] as const;
