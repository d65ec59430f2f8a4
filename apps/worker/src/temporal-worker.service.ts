import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { ProjectionActivitiesService } from '@workflows/kit/projection.activities';
import { buildActivities } from './activity-registry';
import { workflowSource } from './workflow-source';

/**
 * Runs the Temporal Worker for the application's lifetime. On shutdown it
 * stops polling, lets in-flight activities finish (or leaves them to be
 * retried elsewhere), and only then closes the connection.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projection: ProjectionActivitiesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    this.connection = await NativeConnection.connect({ address });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      ...workflowSource(this.config.workflowBundlePath),
      activities: buildActivities(this.projection),
      maxCachedWorkflows: this.config.worker.maxCachedWorkflows,
      shutdownGraceTime: '30 seconds',
    });
    this.running = this.worker.run();
    // A worker that dies on its own (lost connection, fatal error) must stop the process, not idle silently.
    this.running.catch((err: unknown) => {
      this.logger.error({ err }, 'Temporal worker stopped with an error');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log({ address, namespace, taskQueue }, 'Temporal worker polling');
  }

  /** Resolves once the worker has stopped; for tests and the process entry point. */
  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') {
      this.logger.log({ signal }, 'Shutting the Temporal worker down');
      this.worker.shutdown();
    }
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
