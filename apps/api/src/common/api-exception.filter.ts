import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { hasMessage, translate, type Locale, type MessageKey, type MessageParams } from '@lib/contracts';
import { localeOf } from './caller-locale';
import { DomainError, type FieldProblem } from './domain-error';
import { httpStatusFor } from './http-status';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; constraint: string; message: string }[];
}

/**
 * Every error leaves the API here, in the caller's language: domain errors
 * with their mapped status, Nest and body-parser errors as themselves, and
 * anything unexpected as a logged 500 that reveals nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, localeOf(request), request.path);
    if (body.statusCode === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, path: request.path }, 'request failed');
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, locale: Locale, path: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = httpStatusFor(exception.code);
      const body: ErrorBody = {
        statusCode,
        error: exception.code,
        message: translate(locale, exception.messageKey, {
          ...this.translatedParams(exception.params, locale),
          ...(exception.reason ? { reason: translate(locale, exception.reason.key, exception.reason.params) } : {}),
        }),
      };
      if (exception.fields.length > 0) body.errors = exception.fields.map((f) => this.fieldMessage(f, locale));
      return body;
    }
    const bodyParserType = (exception as { type?: string })?.type;
    if (bodyParserType === 'entity.too.large') {
      return { statusCode: 413, error: 'payload-too-large', message: translate(locale, 'error.payloadTooLarge') };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      // Our own pipes throw DomainErrors: a bare 400 here is Express refusing invalid JSON or a bad URL escape.
      if (statusCode === HttpStatus.BAD_REQUEST) {
        return { statusCode, error: 'malformed-request', message: translate(locale, 'error.malformedRequest') };
      }
      if (statusCode === HttpStatus.NOT_FOUND) {
        const entity = translate(locale, 'entity.route');
        return { statusCode, error: 'not-found', message: translate(locale, 'error.notFound', { entity, id: path }) };
      }
      return { statusCode, error: HttpStatus[statusCode]?.toLowerCase() ?? 'error', message: exception.message };
    }
    return { statusCode: 500, error: 'internal', message: translate(locale, 'error.internal') };
  }

  /** Parameters that are themselves message keys (`entity.task`) are said in the caller's language too. */
  private translatedParams(params: MessageParams, locale: Locale): MessageParams {
    return Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        typeof value === 'string' && hasMessage(value) ? translate(locale, value) : value,
      ]),
    );
  }

  private fieldMessage(problem: FieldProblem, locale: Locale) {
    const key = `validation.${problem.constraint}`;
    const messageKey: MessageKey = hasMessage(key) ? key : 'validation.unknown';
    return {
      field: problem.field,
      constraint: problem.constraint,
      message: translate(locale, messageKey, { ...problem.params, field: problem.field }),
    };
  }
}
