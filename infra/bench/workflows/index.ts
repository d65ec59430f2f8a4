/* Entry of the bench-only workflow bundle, run by the bench's own worker on its own task queue. */
export { benchIdleWorkflow } from './bare.workflow';
