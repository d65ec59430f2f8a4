import { defineUpdate } from '@temporalio/workflow';
import type { TaskPriority, TaskView } from './task';

/*
 * Updates on one human task, beyond completion (participation/messages.ts).
 * `actorId` is the authenticated caller; `requestId` the API request, kept in the audit.
 */

export interface TaskCommand {
  taskId: string;
  actorId: string;
  requestId?: string;
}

export type ClaimTaskRequest = TaskCommand;
export const claimTaskUpdate = defineUpdate<TaskView, [ClaimTaskRequest]>('claimTask');

export type UnclaimTaskRequest = TaskCommand;
export const unclaimTaskUpdate = defineUpdate<TaskView, [UnclaimTaskRequest]>('unclaimTask');

export interface DeclineTaskRequest extends TaskCommand {
  reason: string;
}
export const declineTaskUpdate = defineUpdate<TaskView, [DeclineTaskRequest]>('declineTask');

export interface ReassignTaskRequest extends TaskCommand {
  assigneeId: string;
  reason: string;
}
export const reassignTaskUpdate = defineUpdate<TaskView, [ReassignTaskRequest]>('reassignTask');

export interface RescheduleTaskRequest extends TaskCommand {
  dueAt?: string;
  priority?: TaskPriority;
  reason: string;
}
export const rescheduleTaskUpdate = defineUpdate<TaskView, [RescheduleTaskRequest]>('rescheduleTask');
