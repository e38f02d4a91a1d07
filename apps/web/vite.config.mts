import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react-swc';

/**
 * The counter desk's bundle: `apps/web/dist`, served by the app at `/` (libs/platform/src/http/web-app.ts).
 * `npm run dev:web` serves it with hot reload on :5173 and forwards the API to the app on :3000 (or API_URL).
 */
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false }, '/health': api, '/docs': api },
  },
});
