import { defineConfig } from 'vitest/config';
import { textImportPlugin } from './tools/text-import-plugin.ts';

export default defineConfig({
  plugins: [textImportPlugin()],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    silent: 'passed-only',
    env: { CDK_DISABLE_CLI_TELEMETRY: 'true', ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
