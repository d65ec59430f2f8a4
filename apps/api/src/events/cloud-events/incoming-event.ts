import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../../common/domain-error';
import { fieldPath, fieldProblems, prototypeKeys } from '../../common/validation';
import { CloudEventDto } from '../dto/cloud-event.dto';
import { ExternalEventDto } from '../dto/external-event.dto';

/** How the event arrived: our own body, or a CloudEvent in structured or binary mode. */
export type EventFormat = 'native' | 'cloudevents-structured' | 'cloudevents-binary';

/** Any inbound event, whatever its format, as the events service takes it. */
export interface IncomingEvent {
  /** The idempotency key: the native id, or `<id>@<source>` for a CloudEvent (an id is unique per source). */
  key: string;
  type: string;
  /** The CloudEvent's source; absent for a native body. */
  source?: string;
  subject?: string;
  occurredAt?: string;
  data: Record<string, unknown>;
  format: EventFormat;
}

export const STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json';
const BINARY_ATTRIBUTES = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'dataschema'] as const;

type Headers = Record<string, string | string[] | undefined>;

/** The idempotency key of a CloudEvent: native ids never hold `@`, so the two never collide. */
export function cloudEventKey(id: string, source: string): string {
  return `${id}@${source}`;
}

/**
 * Reads an HTTP request (or a broker message: its headers and parsed body) into
 * an IncomingEvent, or throws a 400 naming each bad field: `ce-id` for a binary
 * mode header, `id` for a structured or native body's field.
 */
export async function readIncomingEvent(headers: Headers, body: unknown): Promise<IncomingEvent> {
  const contentType = String(headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (contentType === STRUCTURED_CONTENT_TYPE) {
    const ce = await checked(CloudEventDto, body, { extensions: true });
    return fromCloudEvent(ce, 'cloudevents-structured');
  }
  if (headers['ce-specversion'] !== undefined) {
    const attributes = Object.fromEntries(
      BINARY_ATTRIBUTES.filter((name) => headers[`ce-${name}`] !== undefined).map((name) => [name, headerValue(headers[`ce-${name}`])]),
    );
    const ce = await checked(
      CloudEventDto,
      { ...attributes, datacontenttype: contentType || undefined, data: body },
      { rename: binaryField },
    );
    return fromCloudEvent(ce, 'cloudevents-binary');
  }
  const native = await checked(ExternalEventDto, body);
  return { key: native.id, type: native.type, occurredAt: native.occurredAt, data: native.data, format: 'native' };
}

function fromCloudEvent(ce: CloudEventDto, format: EventFormat): IncomingEvent {
  return {
    key: cloudEventKey(ce.id, ce.source),
    type: ce.type,
    source: ce.source,
    subject: ce.subject,
    occurredAt: ce.time,
    data: ce.data,
    format,
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  // A header sent twice is a list: CloudEvents allows one value, so the list itself is refused by the DTO.
  return Array.isArray(value) ? (value as unknown as string) : value;
}

/** Where a binary-mode problem is: its header, or its body (the data). */
function binaryField(field: string): string {
  if (field === 'data' || field.startsWith('data.')) return field;
  return field === 'datacontenttype' ? 'content-type' : `ce-${field}`;
}

/** CloudEvents extension attribute names: lower-case letters and digits (so `data_base64` is refused, not ignored). */
const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;

async function checked<T extends object>(
  dto: ClassConstructor<T>,
  body: unknown,
  { rename = (field: string) => field, extensions = false }: { rename?: (field: string) => string; extensions?: boolean } = {},
): Promise<T> {
  const plain = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const instance = plainToInstance(dto, plain);
  // Extensions (traceparent, partitionkey…) are allowed by CloudEvents and ignored here; other unknown fields are refused.
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: !extensions });
  const badNames = extensions
    ? Object.keys(plain)
        .filter((key) => !EXTENSION_NAME.test(key))
        // fieldPath, as for every other problem: an empty name is shown as "", never as nothing.
        .map((key) => ({ field: fieldPath('', key), constraint: 'whitelistValidation', params: {} }))
    : [];
  const said = new Set(badNames.map((p) => p.field));
  const problems = [...fieldProblems(errors), ...badNames, ...prototypeKeys(plain).filter((p) => !said.has(p.field))];
  if (problems.length > 0) {
    throw new DomainError(
      'validation-failed',
      'error.validation',
      {},
      problems.map((p) => ({ ...p, field: rename(p.field) })),
    );
  }
  return instance;
}
