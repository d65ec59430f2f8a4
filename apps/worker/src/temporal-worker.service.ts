import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { ClientCredentialsToken, payloadCodecsFor, temporalConnectionOptions } from '@lib/temporal';
import { activityTracingInterceptors, workflowTracingSinks } from '@lib/telemetry';
import { ProjectionActivitiesService } from './activities/projection.activities';
import { ScheduleActivitiesService } from './activities/schedule.activities';
import { buildActivities } from './activities/activity-registry';
import { taskMetricsInterceptor } from './metrics/task-metrics.interceptor';
import { capWorkflowThreadHeap } from './workflow-heap';
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
  private token?: ClientCredentialsToken;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projection: ProjectionActivitiesService,
    private readonly schedules: ScheduleActivitiesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    this.connection = await NativeConnection.connect({
      ...temporalConnectionOptions(this.config.temporal),
      apiKey: await this.firstToken(),
    });
    const { workflowModules, ...source } = workflowSource(this.config.workflowBundlePath);
    const { memory } = this.config.worker;
    // Before Worker.create: the workflow thread's heap is fixed when the SDK starts it.
    capWorkflowThreadHeap(memory.workflowHeapMiB);
    this.logger.log(
      { budgetMiB: memory.budgetMiB, workflowHeapMiB: memory.workflowHeapMiB, maxCachedWorkflows: memory.maxCachedWorkflows },
      'Worker memory shared out',
    );
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      ...source,
      activities: buildActivities(this.projection, this.schedules),
      // Tracing first: the RunActivity span then covers the metrics interceptor and the activity.
      interceptors: { activity: [...activityTracingInterceptors(), taskMetricsInterceptor()], workflowModules },
      sinks: workflowTracingSinks(),
      // Payloads are decrypted and encrypted here, outside the workflow sandbox; the bundle needs no codec.
      dataConverter: { payloadCodecs: payloadCodecsFor(this.config.payloadCodec.keys) },
      shutdownGraceTime: '30 seconds',
      ...workerTuning(this.config.worker),
    });
    this.running = this.worker.run();
    // A worker that dies on its own (lost connection, fatal error) must stop the process, not idle silently.
    this.running.catch((err: unknown) => {
      this.logger.error({ err }, 'Temporal worker stopped with an error');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log({ address, namespace, taskQueue, identity: this.worker.options.identity }, 'Temporal worker polling');
  }

  /**
   * With client credentials (a cluster that authorizes from JWT claims): the first
   * access token, waited for; each renewed one is handed to the connection.
   */
  private async firstToken(): Promise<string | undefined> {
    const { auth } = this.config.temporal;
    if (!auth) return undefined;
    this.token = new ClientCredentialsToken(auth, (message) => this.logger.warn(message));
    this.token.onRenewed((token) => {
      this.connection?.setApiKey(token).catch((err: unknown) => this.logger.error({ err }, 'the renewed Temporal token was not taken'));
    });
    return this.token.start();
  }

  /** The SDK worker's state (RUNNING while it polls); what the /health endpoint reports. */
  get state(): string {
    return this.worker?.getState() ?? 'INITIALIZED';
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
    this.token?.stop();
    await this.connection?.close();
  }
}

/** The scaling knobs that are set; the others keep the SDK's defaults. */
function workerTuning(worker: AppConfig['worker']) {
  return Object.fromEntries(
    Object.entries({
      maxConcurrentActivityTaskExecutions: worker.maxConcurrentActivities,
      maxConcurrentWorkflowTaskExecutions: worker.maxConcurrentWorkflowTasks,
      maxCachedWorkflows: worker.memory.maxCachedWorkflows,
    }).filter(([, value]) => value !== undefined),
  );
}
