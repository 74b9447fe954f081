import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Two pages, the operator map (/) and the crane-cab tablet (/cab); the bundle goes straight into the jar's
// resources (target/classes/webroot), where the ops-map verticle serves it from the classpath.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  base: '/',
  build: {
    outDir: here('../target/classes/webroot'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: here('index.html'),
        cab: here('cab.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
