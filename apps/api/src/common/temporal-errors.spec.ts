import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { DomainError } from './domain-error';
import { behindItsProjection, fromTemporalError } from './temporal-errors';

describe('fromTemporalError', () => {
  it('makes an Update Temporal did not answer in time a 503 to retry, not a 500', () => {
    const mapped = fromTemporalError(new WorkflowUpdateRPCTimeoutOrCancelledError('Deadline exceeded after 5s'), 'wto-round/r-1');
    expect(mapped).toBeInstanceOf(DomainError);
    expect((mapped as DomainError).code).toBe('unavailable');
  });

  it('makes a missing workflow a 404', () => {
    const mapped = fromTemporalError(new WorkflowNotFoundError('not found', 'wto-round/r-1', undefined), 'wto-round/r-1');
    expect((mapped as DomainError).code).toBe('not-found');
  });

  it('leaves what is not the caller’s doing nor an outage unchanged', () => {
    const err = new Error('a bug');
    expect(fromTemporalError(err, 'wto-round/r-1')).toBe(err);
  });
});

describe('behindItsProjection', () => {
  const refused = (phase: string) =>
    new DomainError('wrong-state', 'error.wrongState', {}, [], { key: 'reject.notWaitingFederal', params: { phase } });

  it('makes a step refused in a phase other than the one shown a 503 to retry: the workflow is behind its projection', () => {
    const mapped = behindItsProjection(refused('launched'), 'federal-coordination');
    expect(mapped).toBeInstanceOf(DomainError);
    expect((mapped as DomainError).code).toBe('unavailable');
  });

  it('keeps the 409 when the workflow refuses in the phase shown, or names none', () => {
    const same = refused('position-drafting');
    expect(behindItsProjection(same, 'position-drafting')).toBe(same);
    const noPhase = new DomainError('wrong-state', 'error.wrongState', {}, [], { key: 'reject.notWaitingFederal', params: {} });
    expect(behindItsProjection(noPhase, 'launched')).toBe(noPhase);
    const other = new DomainError('invalid-input', 'error.invalidInput', {}, [], {
      key: 'reject.notWaitingFederal',
      params: { phase: 'x' },
    });
    expect(behindItsProjection(other, 'launched')).toBe(other);
  });
});
