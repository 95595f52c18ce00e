/**
 * Builds the dashboard into dist/, which `pulse serve` serves at `/`. In development (`npm run dev
 * -w @pulse/web`) Vite proxies /api (HTTP and the WebSocket stream) to a running Pulse server,
 * PULSE_API_URL (default http://127.0.0.1:3000).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

const api = process.env.PULSE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': { target: api, ws: true, changeOrigin: true },
      '/docs': { target: api, changeOrigin: true },
    },
  },
});
