import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['tests/temp-root.setup.ts', 'tests/build-cli.setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A hang guard, not a speed claim: starting a CLI or a namespace on a loaded 2-core machine can take
          // longer than vitest's 5 s default. No test asserts how fast anything is (see docs/architecture.md).
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'lab',
          include: ['tests/lab/**/*.test.ts'],
          exclude: ['tests/lab/desktops/**'],
          environment: 'node',
          // Lab worlds share one kernel; running them one at a time keeps timings honest on 2 cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'desktops',
          include: ['tests/lab/desktops/**/*.test.ts'],
          environment: 'node',
          // Booted Debian desktops are the heaviest suites: one at a time, and after every other project has
          // finished, so they cannot eat into anyone else's timings.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/build-app.setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
