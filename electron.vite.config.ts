import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      minify: true,
      // A sandboxed preload cannot load ES modules: one CommonJS file.
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      minify: true,
      // The help pages are a second page of the renderer, so they ship inside the app and open offline.
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html'), help: resolve(__dirname, 'src/renderer/help.html') } },
    },
    // The window is written against React's API and runs on Preact's (preact/compat): the same components in
    // a tenth of the JavaScript, so the window starts fast (tests/e2e/renderer-size.test.ts holds the limit).
    resolve: {
      alias: [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react(-dom)?$/, replacement: 'preact/compat' },
      ],
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  },
})
