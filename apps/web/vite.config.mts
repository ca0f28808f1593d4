import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import postcssSimpleVars from 'postcss-simple-vars';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRepo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Public pages (no sign-in) are a page of their own: investors never download the staff app. */
const PORTAL_PATH = /^\/(invest(\/|$|\?)|track\/)/;

/** The dev server answers the portal's client-side routes with portal.html, as the API does in production. */
function portalPages(): Plugin {
  return {
    name: 'irm-portal-pages',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url && PORTAL_PATH.test(request.url) && !request.url.includes('.')) request.url = '/portal.html';
        next();
      });
    },
  };
}

/**
 * Writes `.br` and `.gz` beside each built script, stylesheet and page, compressed once at their best; the API
 * serves them to browsers that accept them (@fastify/static `preCompressed`), so nothing is compressed per request.
 */
function precompress(): Plugin {
  return {
    name: 'irm-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      const files = Object.values(bundle).filter((file) => /\.(js|css|html)$/.test(file.fileName));
      await Promise.all(
        files.map(async (file) => {
          const source = file.type === 'chunk' ? file.code : file.source;
          const bytes = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
          const path = join(dir, file.fileName);
          await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
          await writeFile(
            `${path}.br`,
            brotliCompressSync(bytes, {
              params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
            }),
          );
        }),
      );
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), portalPages(), precompress()],
  resolve: {
    alias: {
      '@irm/contracts': fromRepo('libs/contracts/src/index.ts'),
      '@irm/domain': fromRepo('libs/domain/src/index.ts'),
    },
  },
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        portal: fileURLToPath(new URL('./portal.html', import.meta.url)),
      },
      output: {
        // Libraries change less often than app code: separate chunks stay cached across deploys. The portal
        // (portal.html) uses only React and TanStack Query, so those are groups of their own and it never loads
        // the router, Mantine or the other libraries of the staff app.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 5 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/, priority: 4 },
            { name: 'router', test: /node_modules[\\/](react-router|cookie)[\\/]/, priority: 3 },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll.*|react-number-format)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
