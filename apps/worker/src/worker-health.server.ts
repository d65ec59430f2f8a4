import { createServer, type Server } from 'http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { TemporalWorkerService } from './temporal-worker.service';

/**
 * GET /health for Kubernetes probes when WORKER_HEALTH_PORT is set: 200 while
 * the Temporal worker polls, 503 otherwise (starting, draining, stopped). The
 * worker has no other HTTP surface, so plain `http` rather than an Express app.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly worker: TemporalWorkerService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.worker.healthPort;
    if (port === undefined) return;
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/health') {
        res.writeHead(404).end();
        return;
      }
      const state = this.worker.state;
      res.writeHead(state === 'RUNNING' ? 200 : 503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: state === 'RUNNING' ? 'ok' : 'unavailable', worker: state }));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, this.config.http.host, resolve));
    this.logger.log({ port }, 'Worker health endpoint listening');
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
