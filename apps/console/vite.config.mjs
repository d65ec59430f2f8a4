// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/*
 * The console is built into dist/console and served by the API under /console
 * (apps/api/src/console). Everything it needs is bundled: nothing is fetched
 * from a CDN or at run time but the API's own JSON.
 */
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      // React libraries mark their files "use client" for server components; a browser bundle has nothing to keep.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
