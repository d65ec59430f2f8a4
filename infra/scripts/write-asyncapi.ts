import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from '../../apps/worker/src/published-events/asyncapi-document';
import { repoRoot } from '../temporal/dev-server';

/** `npm run docs:asyncapi`: writes docs/events.asyncapi.json from the code's catalogue (needs npm run build first). */
const path = join(repoRoot(), 'docs', 'events.asyncapi.json');
writeFileSync(path, `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${path}\n`);
