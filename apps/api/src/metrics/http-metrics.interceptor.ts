import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import type { Observable } from 'rxjs';
import { METRICS_REGISTRY } from './metrics.registry';

/**
 * Times every request the API routes, labelled by route pattern (never the
 * raw URL, whose ids would make a series per participation) and final status.
 */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const stop = this.duration.startTimer();
    // On `finish` the status is final, including one set by the exception filter.
    response.once('finish', () => {
      stop({
        method: request.method,
        route: (request.route as { path?: string } | undefined)?.path ?? 'unknown',
        status: String(response.statusCode),
      });
    });
    return next.handle();
  }
}
