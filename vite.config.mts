import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://motcua/ (Electron) or http://127.0.0.1 (browser mode), both at '/'.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1', strictPort: false },
});
