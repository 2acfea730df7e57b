import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/main/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/harness/**/*.test.ts',
          ],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          // One jsdom per worker instead of per file: creating it dominated the renderer run.
          pool: 'vmThreads',
          // Screens driven over the real main services (test/screens) run in jsdom too.
          include: ['test/renderer/**/*.test.{ts,tsx}', 'test/screens/**/*.test.tsx'],
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
