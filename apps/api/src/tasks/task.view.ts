import type { TaskEntity } from '@lib/persistence';
import { requiredFieldsOf } from './task-required-fields';

/** A task as `GET /tasks` and `GET /tasks/:id` show it: its row, and what its deliverable must carry. */
export type TaskItemView = TaskEntity & {
  /** Field name → accepted values (empty: any non-empty text). Completing without them is refused (422). */
  requiredFields: Record<string, readonly string[]>;
};

export function toTaskItemView(task: TaskEntity): TaskItemView {
  return { ...task, requiredFields: requiredFieldsOf(task.kind) };
}
