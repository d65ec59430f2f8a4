import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIT_PUBLISHED_EVENTS, PUBLISHED_TYPE_PREFIX } from '@lib/contracts';
import { PUBLISHED_EVENTS } from '@workflows/registry-lookups';
import { asyncApiDocument } from './asyncapi-document';

describe('the AsyncAPI document of the events', () => {
  it('is the one docs/events.asyncapi.json holds (npm run build && npm run docs:asyncapi writes it again)', () => {
    const written = JSON.parse(readFileSync(join(__dirname, '../../../../docs/events.asyncapi.json'), 'utf8')) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(asyncApiDocument())));
  });

  it('names every type of the catalogue once, the kit’s seven among them', () => {
    const names = Object.values(asyncApiDocument().components.messages).map((m) => (m as { name: string }).name);
    const types = PUBLISHED_EVENTS.map((e) => `${PUBLISHED_TYPE_PREFIX}${e.type}`);
    expect(new Set(types).size).toBe(types.length);
    expect(names).toEqual(expect.arrayContaining(types));
    expect(KIT_PUBLISHED_EVENTS.map((e) => e.type)).toEqual([
      'participation.launched',
      'participation.phase-changed',
      'task.opened',
      'task.completed',
      'task.overdue',
      'approval.decided',
      'participation.closed',
    ]);
  });
});
