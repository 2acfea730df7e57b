import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { RENDERER_CSP, devRendererCsp } from './src/shared/csp';

/**
 * The renderer's CSP lives in one place (src/shared/csp.ts). The built page gets the strict
 * policy; only the dev server's page is relaxed for Vite's HMR client (inline preamble + websocket).
 */
function contentSecurityPolicy(): Plugin {
  let serve = false;
  return {
    name: 'fleece-csp',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    transformIndexHtml(html) {
      const policy = serve ? devRendererCsp() : RENDERER_CSP;
      return html.replace('%FLEECE_CSP%', policy);
    },
  };
}

/** Modules of the start-up script that chunks loaded later use too (see the renderer's groups). */
const SHELL_MODULES = [
  /\/src\/renderer\/src\/(store\/(slices\/uiSlice|StoreContext)|afterFirstPaint|format|lazyModule)\.tsx?$/,
  /\/src\/renderer\/src\/i18n\/codedText\.tsx?$/,
  /\/src\/renderer\/src\/ui\/(Kbd|Button|IconButton|radix|SharedTooltip|Tooltip)\.tsx?$/,
  /\/src\/shared\/(types\/compare|rules\/(limits|modelInfo|contextTrim))\.ts$/,
  /\/node_modules\/(lucide-react|react\/jsx-runtime)/,
  /preload-helper/,
];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // Worker threads' entries are their own: a worker loads one by path beside index.js.
      rolldownOptions: {
        input: {
          index: 'src/main/index.ts',
          importWorker: 'src/main/history/importWorker.ts',
          salvageWorker: 'src/main/history/salvageWorker.ts',
          pdfWorker: 'src/main/attachments/pdfWorker.ts',
          finishWorker: 'src/main/history/finishWorker.ts',
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require anything but a few Electron modules: bundle it whole.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: 'src/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      // Fonts and images stay files: the CSP allows font-src 'self', not data: URLs.
      assetsInlineLimit: 0,
      // electron-vite leaves the renderer unminified; the start-up cost is parsing it.
      minify: true,
      // The start-up budget is 1 MB of initial JavaScript; the entry chunk is kept under it.
      chunkSizeWarningLimit: 1000,
      rolldownOptions: {
        input: { index: 'src/renderer/index.html' },
        // React DOM is half of the start-up script: in a chunk of its own it is fetched and
        // compiled (off the main thread) alongside the app's code instead of after it in one file.
        // The modules the start-up script shares with the chunks loaded later (the store's UI
        // slice, the buttons and icons, the lazy loader, a few shared rules) would each become a
        // file of a few hundred bytes that the page asks for before it can start: 17 requests
        // instead of 4, queued six at a time by the harness's HTTP. They go in one "shell" chunk.
        // A module missing from SHELL_MODULES only costs one more small request.
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'react-dom',
                test: /[\\/]node_modules[\\/](react-dom|scheduler)[\\/]/,
                priority: 2,
              },
              {
                name: 'shell',
                test: (id: string) => SHELL_MODULES.some((module) => module.test(id)),
                priority: 1,
              },
            ],
          },
        },
      },
    },
  },
});
