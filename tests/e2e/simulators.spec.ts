/**
 * The live simulators in the browser: static run without JavaScript, hydration, the play bar by
 * mouse and by keyboard, reduced motion, and state that survives a reload. Console errors and
 * CSP violations fail every test (fixtures.ts).
 */
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

const SIMS = [
  { path: '/simulators/kafka-consumer-lag/', preset: 'crash', field: 'Partitions', value: '4' },
  { path: '/simulators/kafka-rebalance/', preset: 'range-reshuffle', field: 'Partitions', value: '9' },
];

const frame = (page: Page) => page.locator('.kit-frame[data-live]');
const clock = (page: Page) => frame(page).locator('.kit-metric', { hasText: 'Time' }).locator('dd');

for (const sim of SIMS) {
  test.describe(sim.path, () => {
    test('without JavaScript it shows the static run of its preset', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(sim.path);
      const fallback = page.locator('.kit-fallback');
      await expect(fallback).toBeVisible();
      await expect(fallback.locator('table tbody tr').first()).toBeVisible();
      await expect(fallback.locator('svg')).toHaveCount(1);
      await context.close();
    });

    test('hydrates, plays, pauses and steps back exactly', async ({ page }) => {
      await page.goto(sim.path);
      await expect(frame(page)).toBeVisible();
      await expect(clock(page)).toHaveText('0:00');
      await frame(page).getByRole('button', { name: 'Play' }).click();
      await expect(clock(page)).not.toHaveText('0:00');
      await frame(page).getByRole('button', { name: 'Pause' }).click();
      const paused = await clock(page).textContent();
      await page.waitForTimeout(600);
      await expect(clock(page)).toHaveText(paused!);
      await frame(page).getByRole('button', { name: 'Reset' }).click();
      await expect(clock(page)).toHaveText('0:00');
      for (let i = 0; i < 3; i++) await frame(page).getByRole('button', { name: 'Step forward' }).click();
      await expect(clock(page)).toHaveText('0:03');
      const table = await frame(page).locator('table').first().innerText();
      await frame(page).getByRole('button', { name: 'Step forward' }).click();
      await frame(page).getByRole('button', { name: 'Step back' }).click();
      await expect(clock(page)).toHaveText('0:03');
      expect(await frame(page).locator('table').first().innerText()).toBe(table);
    });

    test('works from the keyboard alone', async ({ page }) => {
      await page.goto(sim.path);
      await expect(frame(page)).toBeVisible();
      const step = frame(page).getByRole('button', { name: 'Step forward' });
      await step.focus();
      await page.keyboard.press('Enter');
      await expect(clock(page)).toHaveText('0:01');
      // Shortcuts work wherever focus is in the frame (outside text fields).
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(clock(page)).toHaveText('0:03');
      await page.keyboard.press('ArrowLeft');
      await expect(clock(page)).toHaveText('0:02');
      await page.keyboard.press('Home');
      await expect(clock(page)).toHaveText('0:00');
      // Space on a focused button presses that button; on the stage it plays and pauses.
      await frame(page).getByRole('region', { name: /simulation$/ }).focus();
      await page.keyboard.press(' ');
      await expect(frame(page).getByRole('button', { name: 'Pause' })).toBeVisible();
      await page.keyboard.press(' ');
      await expect(frame(page).getByRole('button', { name: 'Play' })).toBeVisible();
      await expect(frame(page).getByText(/Keys: Space play\/pause/)).toBeVisible();
    });

    test('with reduced motion, playing advances in whole steps', async ({ browser }) => {
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(sim.path);
      await expect(frame(page)).toBeVisible();
      await frame(page).getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(1500);
      await frame(page).getByRole('button', { name: 'Pause' }).click();
      // One tick per 600 ms at 1x: about two seconds of simulated time, where continuous play gives more.
      const [m, s] = (await clock(page).textContent())!.split(':').map(Number);
      expect(m! * 60 + s!).toBeGreaterThanOrEqual(1);
      expect(m! * 60 + s!).toBeLessThanOrEqual(3);
      await context.close();
    });

    test('keeps the preset and every control in the URL across a reload', async ({ page }) => {
      await page.goto(sim.path);
      await expect(frame(page)).toBeVisible();
      await frame(page).getByLabel('Preset').selectOption(sim.preset);
      await expect(page).toHaveURL(new RegExp(`preset=${sim.preset}`));
      const notice = await frame(page).locator('.kit-notice').textContent();
      const input = frame(page).getByLabel(sim.field, { exact: true });
      await input.fill(sim.value);
      await input.press('Tab');
      await expect(page).toHaveURL(new RegExp(`partitions=${sim.value}`));
      await page.reload();
      await expect(frame(page)).toBeVisible();
      await expect(frame(page).getByLabel('Preset')).toHaveValue(sim.preset);
      await expect(frame(page).locator('.kit-notice')).toHaveText(notice!);
      await expect(frame(page).getByLabel(sim.field, { exact: true })).toHaveValue(sim.value);
    });

    test('explains an invalid value in the link instead of failing', async ({ page }) => {
      await page.goto(`${sim.path}?partitions=999`);
      await expect(frame(page)).toBeVisible();
      await expect(frame(page).locator('.kit-notes')).toContainText('partitions=999 is not valid');
    });
  });
}

test('consumer lag: a crash shows in the partition table and the log', async ({ page }) => {
  await page.goto('/simulators/kafka-consumer-lag/?preset=crash');
  await expect(frame(page)).toBeVisible();
  const timeline = frame(page).getByRole('slider', { name: 'Timeline' });
  await timeline.fill('120');
  await expect(clock(page)).toHaveText('2:00');
  await expect(frame(page).locator('.kit-log')).toContainText('c3 crashed');
  await expect(frame(page).locator('.kit-log')).toContainText('session.timeout.ms');
  await expect(frame(page).locator('tbody tr[data-partition]')).toHaveCount(6);
});

test('rebalance: while c4 joins, the eager lane pauses everything and the cooperative lane keeps consuming', async ({ page }) => {
  await page.goto('/simulators/kafka-rebalance/?preset=scale-out');
  await expect(frame(page)).toBeVisible();
  await frame(page).getByRole('slider', { name: 'Timeline' }).fill('11');
  const eager = frame(page).getByRole('region', { name: 'range lane' });
  const coop = frame(page).getByRole('region', { name: 'cooperative-sticky lane' });
  await expect(eager.locator('li[data-consuming]')).toHaveCount(0);
  await expect(coop.locator('li[data-consuming]')).toHaveCount(6);
});
