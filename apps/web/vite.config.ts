import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API (`pnpm lantern serve`, port 3000) answers /trpc, /geo and /tiles; in production it also serves
// this build, so the app always talks to its own origin and the strict CSP holds.
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maplibre-gl is one ~1 MB module loaded only after sign-in (a lazy chunk), so the warning says nothing useful.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    strictPort: true,
    // The Host header passes through unchanged, so the API's same-origin check (Origin against
    // Host) accepts the dev server's page as its own.
    proxy: Object.fromEntries(
      ['/trpc', '/geo', '/tiles', '/healthz'].map((path) => [path, { target: api, changeOrigin: false }]),
    ),
  },
});
