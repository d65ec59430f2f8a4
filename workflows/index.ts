/*
 * The workflow bundle's entry point: every workflow type the worker runs.
 * Only deterministic code is reachable from here.
 */
export { wtoRoundWorkflow } from './wto-round/wto-round.workflow';
