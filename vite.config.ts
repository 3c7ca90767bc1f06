import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

/** Two single-page apps from one build: the staff console (index.html) and the public portal (portal.html). */
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: { index: resolve('web/index.html'), portal: resolve('web/portal.html') } },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/open311': 'http://localhost:3000' } },
});
