import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Where `pnpm --filter @jiefen/console dev` sends API calls (the service started with `npm start`).
const API = process.env.JIEFEN_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { 'node:fs': fileURLToPath(new URL('./src/shims/nodeFs.ts', import.meta.url)) } },
  server: { proxy: { '/api': API, '/health': API, '/docs': API } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The service computes legal time; the browser only needs isIsoDate for the ID-number check.
    // legal-time and flows modules have no side effects a page needs, so unused ones (the bundled
    // calendar, read with node:fs) are left out.
    rollupOptions: {
      treeshake: { moduleSideEffects: (id) => !/[\\/]packages[\\/](legal-time|flows)[\\/]/.test(id) },
      output: {
        // ECharts and zrender in a chunk of their own: only the report pages load it (issue 14: the
        // first screen ships at most 600 KB of JavaScript gzip).
        manualChunks: (id) =>
          /node_modules\/(echarts|zrender)\//.test(id)
            ? 'echarts'
            : id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')
              ? 'element-plus'
              : id.includes('node_modules/')
                ? 'vendor'
                : undefined,
      },
    },
    chunkSizeWarningLimit: 1500,
  },
});
