import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { METRICS_REGISTRY } from '../metrics/metrics.registry';

/** Deliveries by target kind and status, and the age of the oldest still pending: an alert on a stuck target. */
const DELIVERIES_BY_STATUS = `
  SELECT CASE WHEN target = 'broker' THEN 'broker' ELSE 'webhook' END AS target, status, count(*)::int AS count,
         COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0)::float AS "oldestPendingSeconds"
    FROM event_deliveries GROUP BY 1, 2`;

interface Row {
  target: string;
  status: string;
  count: number;
  oldestPendingSeconds: number;
}

/**
 * Published events' deliveries on the API's /metrics, read from PostgreSQL at
 * each scrape (the worker's /metrics counts the attempts as they happen).
 */
@Injectable()
export class DeliveryMetrics implements OnModuleInit {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const read = () => this.dataSource.query<Row[]>(DELIVERIES_BY_STATUS).catch(() => [] as Row[]);
    new Gauge({
      name: 'participation_event_deliveries',
      help: 'Published event deliveries by target (webhook, broker) and status (pending, delivered, dead)',
      labelNames: ['target', 'status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of await read()) this.set({ target: row.target, status: row.status }, row.count);
      },
    });
    new Gauge({
      name: 'participation_event_delivery_oldest_pending_seconds',
      help: 'Age of the oldest pending delivery, by target',
      labelNames: ['target'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of await read()) if (row.status === 'pending') this.set({ target: row.target }, row.oldestPendingSeconds);
      },
    });
  }
}
