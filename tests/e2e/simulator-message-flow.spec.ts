import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { partitionForKey } from '../../src/widgets/kafka/partitioner.ts';

const PAGE = '/simulators/kafka-message-flow/';

async function open(page: Page, query = '') {
  await page.goto(`${PAGE}${query}`);
  const frame = page.locator('.simulator[data-simulator="kafka-message-flow"] .kit-frame[data-live]');
  await frame.scrollIntoViewIfNeeded();
  await expect(frame).toBeVisible();
  return frame;
}
const time = (page: Page) => page.locator('.kit-timeline output');

test('loads hydrated with the default preset and no console error', async ({ page }) => {
  const frame = await open(page);
  await expect(frame.locator('.mf-cluster tr[data-partition-row]')).toHaveCount(6);
  await expect(frame.locator('.mf-cluster thead .mf-broker')).toHaveCount(3);
  await expect(time(page)).toHaveText('0:00.0');
});

test('plays, pauses and steps back exactly', async ({ page }) => {
  const frame = await open(page);
  const play = frame.getByRole('button', { name: 'Play' });
  await play.click();
  await expect(frame.locator('.mf-rec').first()).toBeVisible();
  await frame.getByRole('button', { name: 'Pause' }).click();
  const paused = await time(page).textContent();
  await page.waitForTimeout(400);
  await expect(time(page)).toHaveText(paused!);
  const produced = await frame.locator('.kit-metric', { hasText: 'Produced' }).locator('dd').textContent();
  await frame.getByRole('button', { name: 'Step forward' }).click();
  await frame.getByRole('button', { name: 'Step forward' }).click();
  await frame.getByRole('button', { name: 'Step back' }).click();
  await frame.getByRole('button', { name: 'Step back' }).click();
  await expect(time(page)).toHaveText(paused!);
  await expect(frame.locator('.kit-metric', { hasText: 'Produced' }).locator('dd')).toHaveText(produced!);
});

test('works with the keyboard alone: Space plays and pauses, arrows step, Enter stops a broker', async ({ page }) => {
  const frame = await open(page);
  // Tab from the top of the page to the Play button.
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent === 'Play')) break;
  }
  await expect(frame.getByRole('button', { name: 'Play' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(time(page)).toHaveText('0:00.3');
  await page.keyboard.press('ArrowLeft');
  await expect(time(page)).toHaveText('0:00.2');
  await page.keyboard.press('Space');
  await expect(frame.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(frame.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  // On to the first broker's Stop button.
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent === 'Stop broker 1')) break;
  }
  await page.keyboard.press('Enter');
  await expect(frame.locator('.mf-broker').first()).toContainText('stopped');
  await expect(frame.locator('.kit-log')).toContainText('Broker 1 stopped.');
});

test('the link keeps controls, preset and reader actions across a reload', async ({ page }) => {
  const frame = await open(page, '?preset=min-insync');
  await frame.getByRole('spinbutton', { name: 'Partitions' }).fill('4');
  await frame.getByRole('spinbutton', { name: 'Partitions' }).press('Enter');
  await expect(page).toHaveURL(/partitions=4/);
  for (let i = 0; i < 3; i++) await frame.getByRole('button', { name: 'Step forward' }).click();
  await frame.getByRole('button', { name: 'Stop broker 3' }).click();
  await expect(page).toHaveURL(/script=/);
  const url = page.url();
  await page.reload();
  const again = page.locator('.simulator .kit-frame[data-live]');
  await expect(again).toBeVisible();
  expect(page.url()).toBe(url);
  await expect(again.getByRole('combobox', { name: 'Preset' })).toHaveValue('min-insync');
  await expect(again.getByRole('spinbutton', { name: 'Partitions' })).toHaveValue('4');
  await expect(again.locator('.mf-cluster tr[data-partition-row]')).toHaveCount(4);
  // The reader's stop replays at the same tick.
  await expect(again.locator('.mf-broker').nth(2)).toContainText('up');
  for (let i = 0; i < 3; i++) await again.getByRole('button', { name: 'Step forward' }).click();
  await expect(again.locator('.mf-broker').nth(2)).toContainText('stopped');
});

test('reduced motion plays in whole steps', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const frame = await open(page);
  await frame.getByRole('button', { name: 'Play' }).click();
  await expect(time(page)).toHaveText('0:00.1');
  await page.waitForTimeout(300);
  await frame.getByRole('button', { name: 'Pause' }).click();
  expect(await time(page).textContent()).toMatch(/^0:00\.[1-3]$/);
});

test('every drawn record of ?partitions=6&keys=a,b,c,d,e sits on partitionForKey(key, 6)', async ({ page }) => {
  const frame = await open(page, '?partitions=6&keys=a,b,c,d,e');
  await frame.locator('.kit-timeline input').fill('80');
  await expect(time(page)).toHaveText('0:08.0');
  const drawn = await frame.locator('.mf-rec[data-partition]').evaluateAll((els) =>
    els.map((e) => ({ key: e.getAttribute('data-key'), partition: Number(e.getAttribute('data-partition')) })),
  );
  expect(drawn.length).toBeGreaterThan(10);
  expect(new Set(drawn.map((d) => d.key))).toEqual(new Set(['a', 'b', 'c', 'd', 'e']));
  for (const d of drawn) expect(d.partition, `key ${d.key}`).toBe(partitionForKey(d.key!, 6));
});

test('without JavaScript the page shows the static run: cluster table, records and heatmap', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const fallback = page.locator('.simulator .kit-fallback');
  await expect(fallback).toBeVisible();
  await expect(fallback.locator('.mf-cluster tr[data-partition-row]')).toHaveCount(6);
  await expect(fallback.locator('.mf-heat tbody tr')).toHaveCount(6);
  expect(await fallback.locator('.mf-rec[data-key]').count()).toBeGreaterThan(0);
  await expect(fallback).toContainText('produced');
  await context.close();
});
