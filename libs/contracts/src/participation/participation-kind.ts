/*
 * A participation's identity. The kinds themselves are listed once, in the
 * registry (`workflows/registry.ts`); here is only what every kind shares.
 */

/** Business keys are lower-case slugs so that workflow ids stay readable in the Temporal UI. */
export const BUSINESS_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Workflow ID = `<kind>/<business key>`: the same participation can only be launched once. */
export function participationWorkflowId(kind: string, businessKey: string): string {
  return `${kind}/${businessKey}`;
}

/** The kind a participation workflow id starts with (see participationWorkflowId). */
export function participationKindOf(workflowId: string): string {
  return workflowId.split('/')[0];
}
