import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where `npm run build` put the console (`dist/console`). The API runs from
 * `dist/apps/api/src/console` in production and from the sources under Jest,
 * so both places are tried, then the working directory.
 */
export function consoleDirectory(): string | undefined {
  const candidates = [
    resolve(__dirname, '../../../../console'),
    resolve(__dirname, '../../../../dist/console'),
    resolve(process.cwd(), 'dist/console'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Vite writes hashed, flat file names into `assets/`: anything else is not ours to serve. */
export const ASSET_NAME = /^[A-Za-z0-9_.-]+\.(js|css|svg|png|woff2?)$/;
