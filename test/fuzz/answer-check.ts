import type { Response } from 'supertest';

/**
 * What every answer must be: never a 5xx; a 4xx always the API's error shape,
 * saying why, and for invalid fields naming each field and its constraint.
 * Returns the problems found, empty when the answer is as intended.
 */
export function answerProblems(res: Pick<Response, 'status' | 'body'>): string[] {
  if (res.status >= 500) return [`server error ${res.status}: ${JSON.stringify(res.body)}`];
  if (res.status < 400) return [];
  const body = res.body as { statusCode?: unknown; error?: unknown; message?: unknown; errors?: unknown };
  const problems: string[] = [];
  if (body?.statusCode !== res.status) problems.push(`statusCode ${String(body?.statusCode)} for HTTP ${res.status}`);
  if (typeof body?.error !== 'string' || body.error === '') problems.push('no error code');
  if (typeof body?.message !== 'string' || body.message.trim() === '') problems.push('no message');
  // RFC 9457: the same facts under the standard's names.
  const problem = res.body as { type?: unknown; status?: unknown; detail?: unknown; title?: unknown };
  if (problem?.type !== `urn:participations:error:${String(body?.error)}`) problems.push(`problem type ${String(problem?.type)}`);
  if (problem?.status !== res.status || problem?.detail !== body?.message || typeof problem?.title !== 'string') {
    problems.push('problem members (status, detail, title) not those of the answer');
  }
  if (body?.error === 'validation-failed') {
    const errors = Array.isArray(body.errors) ? (body.errors as Array<Record<string, unknown>>) : [];
    if (errors.length === 0) problems.push('validation failed without naming a field');
    for (const e of errors) {
      if (typeof e.field !== 'string' || e.field === '') problems.push(`an error without its field: ${JSON.stringify(e)}`);
      if (typeof e.constraint !== 'string' || typeof e.message !== 'string' || e.message === '') {
        problems.push(`an error without its reason: ${JSON.stringify(e)}`);
      }
    }
  }
  return problems;
}
