import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

// The page's CSP forbids inline scripts; Vite's dev server injects one for fast refresh. Only `electron-vite dev`
// relaxes it — builds (what `npm start` and the tests load) keep the strict policy.
function relaxCspInDev(): Plugin {
  return {
    name: 'hearth-relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:"),
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The print worker runs on its own thread (main/print/jobs.ts finds it beside index.js).
      rollupOptions: { input: { index: resolve(__dirname, 'main/index.ts'), 'print-worker': resolve(__dirname, 'main/print/worker.ts') } },
    },
  },
  preload: {
    // A sandboxed preload may only require('electron'): everything else (zod, via the contract) is bundled in.
    build: {
      outDir: 'out/preload',
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), relaxCspInDev()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
