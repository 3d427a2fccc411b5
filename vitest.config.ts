import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests spawn ffmpeg and ONNX sessions; two cores run two files at a time without thrashing.
    maxWorkers: 2,
  },
});
