import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { DomainError } from './domain-error';
import { fromTemporalError } from './temporal-errors';

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
