import { recordFigures } from '../helpers/figures';
import type { LedgerResult } from './ledger';

/** What one faults file injected and what its ledger found; added to the run's `faults:` line after the file. */
export class FaultTally {
  injected = 0;
  workflows = 0;
  lost = 0;
  duplicated = 0;

  /** `clusterFaults`: the cluster test's own line, `faults (cluster):`. */
  constructor(private readonly suite: 'faults' | 'clusterFaults' = 'faults') {}

  add(ledger: LedgerResult): void {
    this.workflows += ledger.workflows;
    this.lost += ledger.lost;
    this.duplicated += ledger.duplicated;
  }

  record(): void {
    recordFigures(this.suite, { injected: this.injected, workflows: this.workflows, lost: this.lost, duplicated: this.duplicated });
  }
}
