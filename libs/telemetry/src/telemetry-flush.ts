import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { activeTelemetry } from './start-telemetry';

/** Sends the spans still buffered when the application closes (the exporter batches them). */
@Injectable()
export class TelemetryFlush implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    const telemetry = activeTelemetry();
    if (telemetry.enabled) await telemetry.shutdown();
  }
}
