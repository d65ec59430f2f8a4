import { PROTECTED_EVENT_FIELDS, PUBLISHED_SOURCE, PUBLISHED_TYPE_PREFIX } from '@lib/contracts';
import { brokerNames } from '@lib/broker';
import { EVENT_TYPES, PUBLISHED_EVENTS } from '@workflows/registry-lookups';

/**
 * The AsyncAPI 3.0 document of the engine's events, built from the code's
 * catalogue: what it publishes (broker subjects and webhooks) and what it
 * takes (the broker's inbound subjects, like POST /events). Written to
 * docs/events.asyncapi.json by `npm run docs:asyncapi`; a test checks that
 * the file matches.
 */
export function asyncApiDocument(prefix = 'participations') {
  const names = brokerNames(prefix);
  const published = PUBLISHED_EVENTS.map((entry) => ({ ...entry, fullType: `${PUBLISHED_TYPE_PREFIX}${entry.type}` }));
  const messageName = (type: string) => type.replace(/[^A-Za-z0-9]+/g, '_');
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const entry of published) {
    const name = messageName(entry.type);
    messages[name] = {
      name: entry.fullType,
      title: entry.type,
      summary: entry.description.en,
      description: `${entry.description.fr} / ${entry.description.en} (journal actions: ${entry.actions.join(', ')})`,
      contentType: 'application/cloudevents+json',
      payload: {
        allOf: [{ $ref: '#/components/schemas/PublishedCloudEvent' }, { type: 'object', properties: { type: { const: entry.fullType } } }],
      },
    };
    channels[name] = {
      address: names.outSubject(entry.fullType),
      description: `NATS JetStream subject (stream ${names.outStream}); the same CloudEvent goes to each webhook subscribed to its type.`,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`publish_${name}`] = { action: 'send', channel: { $ref: `#/channels/${name}` } };
  }
  channels.inbound = {
    address: names.inSubjects,
    description: `CloudEvents taken in (stream ${names.inStream}), exactly as POST /events takes them; poison messages go to ${names.deadSubject}.`,
    messages: { InboundCloudEvent: { $ref: '#/components/messages/InboundCloudEvent' } },
  };
  channels.deadLetters = {
    address: names.deadSubject,
    description: `Inbound messages refused (stream ${names.deadStream}), unchanged, with headers Dead-Reason and Dead-Subject.`,
    messages: { InboundCloudEvent: { $ref: '#/components/messages/InboundCloudEvent' } },
  };
  operations.receive_inbound = { action: 'receive', channel: { $ref: '#/channels/inbound' } };
  operations.send_deadLetters = { action: 'send', channel: { $ref: '#/channels/deadLetters' } };
  messages.InboundCloudEvent = {
    name: 'InboundCloudEvent',
    summary: 'A CloudEvent 1.0 (structured, or binary with ce-* headers) of a type the engine takes',
    contentType: 'application/cloudevents+json',
    payload: {
      type: 'object',
      required: ['specversion', 'id', 'source', 'type', 'data'],
      properties: {
        specversion: { const: '1.0' },
        id: { type: 'string', description: 'Unique per source: source + id is the idempotency key' },
        source: { type: 'string' },
        type: { enum: [...EVENT_TYPES] },
        subject: { type: 'string' },
        time: { type: 'string', format: 'date-time' },
        data: { type: 'object', description: 'The data of the type, as documented for POST /events (OpenAPI at /docs)' },
      },
    },
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Participation engine events',
      version: '1.0.0',
      description:
        'CloudEvents 1.0 the engine publishes (NATS JetStream subjects and signed webhooks) and takes in. ' +
        'Generated from the code’s catalogue (npm run docs:asyncapi); see docs/events.md.',
    },
    defaultContentType: 'application/cloudevents+json',
    channels,
    operations,
    components: {
      messages,
      schemas: {
        PublishedCloudEvent: {
          type: 'object',
          required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'data'],
          properties: {
            specversion: { const: '1.0' },
            id: { type: 'string', format: 'uuid', description: 'The same for every delivery of one event (also the webhook-id)' },
            source: { const: PUBLISHED_SOURCE },
            type: { type: 'string' },
            subject: { type: 'string', description: 'The participation’s workflow id, <kind>/<business key>' },
            time: { type: 'string', format: 'date-time' },
            datacontenttype: { const: 'application/json' },
            participationkind: { type: 'string' },
            forum: { type: 'string' },
            sequence: { type: 'string', description: 'Increases with each event: order within a participation' },
            data: { $ref: '#/components/schemas/PublishedData' },
          },
        },
        PublishedData: {
          type: 'object',
          required: [
            'workflowId',
            'participationId',
            'kind',
            'businessKey',
            'forum',
            'phase',
            'status',
            'action',
            'actorId',
            'change',
            'text',
          ],
          properties: {
            workflowId: { type: 'string' },
            participationId: { type: 'string', format: 'uuid' },
            kind: { type: 'string' },
            businessKey: { type: 'string' },
            forum: { type: 'string' },
            phase: { type: 'string' },
            status: { type: 'string' },
            action: { type: 'string', description: 'The journal action that published it' },
            actorId: { type: 'string', description: 'A person’s or service’s id, or workflow' },
            task: { type: 'object', description: 'For task events: id, kind, title, assigneeId, candidateGroup, dueAt, status' },
            change: { type: 'object', description: 'What the journal entry recorded, protected fields left out' },
            previous: { type: 'object' },
            text: {
              type: 'object',
              required: ['fr', 'en'],
              properties: { fr: { type: 'string' }, en: { type: 'string' } },
              description: 'The event as a sentence, in French and in English',
            },
            protected: {
              type: 'object',
              description: `Only for subscribers allowed to read it (includeProtected) and on the broker: ${PROTECTED_EVENT_FIELDS.join(', ')}`,
            },
          },
        },
      },
    },
  };
}
