import { defineConfig } from '@playwright/test';

// Browser tests run against the built site (dist/) with Debian's Chromium; never a downloaded browser.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// The site on E2E_PORT, the no-browser fixture on the next port. A run always starts its own
// servers: reusing one already listening could test another checkout's build.
const port = Number(process.env.E2E_PORT ?? 4321);
const NOBROWSER_URL = `http://127.0.0.1:${port + 1}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    { command: `node scripts/serve.ts dist ${port}`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false },
    // the small fixture site built without a browser for diagrams (npm run build:nobrowser)
    { command: `node scripts/serve.ts dist-nobrowser ${port + 1}`, url: `${NOBROWSER_URL}/plain/`, reuseExistingServer: false },
  ],
});
