/** Whole-site structure of dist/: every page, no browser needed. */
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { distHtmlFiles, read, urlOf } from './helpers.ts';

const pages = distHtmlFiles().map((file) => ({ url: urlOf(file), root: parse(read(file)) }));

describe('every page of dist/', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it('has one h1, which comes first, and headings that never skip a level on the way down', () => {
    const bad: string[] = [];
    for (const { url, root } of pages) {
      // A closed <dialog> (the search dialog) or hidden element is outside the outline until it opens
      // (it gets its own h2 then), and headings inside an inline SVG are diagram labels.
      const outline = (h: HTMLElement) => !h.closest('svg, [hidden], dialog:not([open])');
      const levels = root.querySelectorAll('h1, h2, h3, h4, h5, h6').filter(outline).map((h) => Number(h.tagName[1]));
      const h1s = levels.filter((l) => l === 1).length;
      if (h1s !== 1) bad.push(`${url}: ${h1s} h1`);
      if (levels[0] !== 1) bad.push(`${url}: first heading is h${levels[0]}`);
      levels.forEach((l, i) => {
        if (i > 0 && l > levels[i - 1]! + 1) bad.push(`${url}: h${levels[i - 1]} then h${l}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('gives every image a text alternative (alt, empty alt for decoration)', () => {
    const bad: string[] = [];
    for (const { url, root } of pages) {
      for (const img of root.querySelectorAll('img, input[type="image"], area')) {
        if (!img.hasAttribute('alt')) bad.push(`${url}: <${img.tagName.toLowerCase()} src="${img.getAttribute('src') ?? ''}"> has no alt`);
      }
      for (const el of root.querySelectorAll('[role="img"]')) {
        if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !el.querySelector('title'))
          bad.push(`${url}: <${el.tagName.toLowerCase()} role="img"> has no accessible name`);
      }
    }
    expect(bad).toEqual([]);
  });
});
