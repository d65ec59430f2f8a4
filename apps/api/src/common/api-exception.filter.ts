import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Locale, MessageParams } from '@lib/contracts';
import { messages, type AnyMessageKey } from './messages';
import { localeOf } from './caller-locale';
import { isDatabaseUnavailable } from './database-errors';
import { DomainError, type FieldProblem } from './domain-error';
import { parserErrorStatus } from './http-parser-errors';
import { httpStatusFor } from './http-status';

const DEPENDENCY_NAMES: Record<string, string> = { database: 'PostgreSQL', temporal: 'Temporal' };

/** Every error body is an RFC 9457 problem: this media type, the members below. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
/** A problem's `type`: one URI per error code (`urn:participations:error:validation-failed`). */
export const PROBLEM_TYPE_PREFIX = 'urn:participations:error:';

/** Seconds a caller is asked to wait before retrying after a 503. */
const RETRY_AFTER_UNAVAILABLE = '5';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; constraint: string; message: string }[];
  /** For a failed health check: each dependency and whether it is up. */
  dependencies?: Record<string, { status: string }>;
}

/**
 * Every error leaves the API here, in the caller's language, as an RFC 9457
 * problem (application/problem+json): domain errors
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
    if (body.statusCode === 503) {
      this.logger.warn({ err: exception, path: request.path }, 'dependency unavailable');
      response.setHeader('Retry-After', RETRY_AFTER_UNAVAILABLE);
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, path: request.path }, 'request failed');
    }
    // RFC 9457's members, beside the API's own (statusCode, error, message, errors), which
    // callers already read: the same facts, under the standard's names, with its media type.
    const problem = {
      type: `${PROBLEM_TYPE_PREFIX}${body.error}`,
      title: STATUS_CODES[body.statusCode] ?? 'Error',
      status: body.statusCode,
      detail: body.message,
      instance: request.originalUrl,
      ...body,
    };
    response.status(body.statusCode).type(PROBLEM_MEDIA_TYPE).json(problem);
  }

  private toBody(exception: unknown, locale: Locale, path: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = httpStatusFor(exception.code);
      const body: ErrorBody = {
        statusCode,
        error: exception.code,
        message: messages.t(locale, exception.messageKey, {
          ...this.translatedParams(exception.params, locale),
          ...(exception.reason ? { reason: messages.t(locale, exception.reason.key, exception.reason.params) } : {}),
        }),
      };
      if (exception.fields.length > 0) body.errors = exception.fields.map((f) => this.fieldMessage(f, locale));
      return body;
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, error: 'unavailable', message: messages.t(locale, 'error.unavailable', { dependency: 'PostgreSQL' }) };
    }
    const parserStatus = parserErrorStatus(exception);
    if (parserStatus === HttpStatus.PAYLOAD_TOO_LARGE) {
      return { statusCode: 413, error: 'payload-too-large', message: messages.t(locale, 'error.payloadTooLarge') };
    }
    if (parserStatus === HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
      return { statusCode: 415, error: 'unsupported-media-type', message: messages.t(locale, 'error.unsupportedMediaType') };
    }
    if (parserStatus !== undefined) {
      return { statusCode: 400, error: 'malformed-request', message: messages.t(locale, 'error.malformedRequest') };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus() as HttpStatus;
      // Our own pipes throw DomainErrors: a bare 400 here is Express refusing invalid JSON or a bad URL escape.
      if (statusCode === HttpStatus.BAD_REQUEST) {
        return { statusCode, error: 'malformed-request', message: messages.t(locale, 'error.malformedRequest') };
      }
      if (statusCode === HttpStatus.SERVICE_UNAVAILABLE) return this.unavailable(exception, locale);
      if (statusCode === HttpStatus.NOT_FOUND) {
        const entity = messages.t(locale, 'entity.route');
        return { statusCode, error: 'not-found', message: messages.t(locale, 'error.notFound', { entity, id: path }) };
      }
      return { statusCode, error: HttpStatus[statusCode]?.toLowerCase() ?? 'error', message: exception.message };
    }
    return { statusCode: 500, error: 'internal', message: messages.t(locale, 'error.internal') };
  }

  /** A failed health check (@nestjs/terminus): names what is down, without its internal error messages. */
  private unavailable(exception: HttpException, locale: Locale): ErrorBody {
    const checks = (exception.getResponse() as { details?: Record<string, { status?: string }> }).details ?? {};
    const dependencies = Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, { status: String(check?.status) }]));
    const down = Object.entries(dependencies)
      .filter(([, check]) => check.status !== 'up')
      .map(([name]) => DEPENDENCY_NAMES[name] ?? name);
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'unavailable',
      message: messages.t(locale, 'error.unavailable', { dependency: down.join(', ') || '?' }),
      dependencies,
    };
  }

  /** Parameters that are themselves message keys (`entity.task`) are said in the caller's language too. */
  private translatedParams(params: MessageParams, locale: Locale): MessageParams {
    return Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        typeof value === 'string' && messages.has(value) ? messages.t(locale, value) : value,
      ]),
    );
  }

  private fieldMessage(problem: FieldProblem, locale: Locale) {
    const key = `validation.${problem.constraint}`;
    const messageKey: AnyMessageKey = messages.has(key) ? key : 'validation.unknown';
    return {
      field: problem.field,
      constraint: problem.constraint,
      message: messages.t(locale, messageKey, { ...problem.params, field: problem.field }),
    };
  }
}
