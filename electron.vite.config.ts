import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules: one CommonJS file.
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // The help pages are a second page of the renderer, so they ship inside the app and open offline.
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html'), help: resolve(__dirname, 'src/renderer/help.html') } },
    },
    plugins: [react()],
  },
})
