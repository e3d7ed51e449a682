import { defineConfig } from '@playwright/test';

// Browser tests run against the built site (dist/) with Debian's Chromium; never a downloaded browser.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: 'http://127.0.0.1:4321',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    { command: 'node scripts/serve.ts dist 4321', url: 'http://127.0.0.1:4321/', reuseExistingServer: !process.env.CI },
    // the small fixture site built without a browser for diagrams (npm run build:nobrowser)
    { command: 'node scripts/serve.ts dist-nobrowser 4322', url: 'http://127.0.0.1:4322/plain/', reuseExistingServer: !process.env.CI },
  ],
});
