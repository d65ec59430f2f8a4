/** Every process of the international-relations plan; the first segment of a workflow id. */
export const PARTICIPATION_KINDS = [
  'wto-round',
  'canada-eu-negotiation',
  'spp-working-group',
  'unesco-representation',
  'ratification-campaign',
  'intern-placement',
  'expert-task-force',
  'regional-forum',
  'washington-watch',
] as const;

export type ParticipationKind = (typeof PARTICIPATION_KINDS)[number];

/** Kinds whose workflow is implemented and can be launched today. */
export const LAUNCHABLE_KINDS: readonly ParticipationKind[] = PARTICIPATION_KINDS;

/** Business keys are lower-case slugs so that workflow ids stay readable in the Temporal UI. */
export const BUSINESS_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Workflow ID = `<kind>/<business key>`: the same participation can only be launched once. */
export function participationWorkflowId(kind: ParticipationKind, businessKey: string): string {
  return `${kind}/${businessKey}`;
}

/** The kind a participation workflow id starts with (see participationWorkflowId). */
export function participationKindOf(workflowId: string): string {
  return workflowId.split('/')[0];
}
