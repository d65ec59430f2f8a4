import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { TemporalConnectionHolder } from '@lib/temporal';

/** Temporal is healthy when its frontend answers a cheap system-info call within the timeout. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly holder: TemporalConnectionHolder,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key: string, timeoutMs = 2000): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await this.holder.connection.withDeadline(Date.now() + timeoutMs, () => this.holder.connection.workflowService.getSystemInfo({}));
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}
