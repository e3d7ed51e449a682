import { ExpressiveCode, loadShikiTheme } from 'expressive-code';
import { toHtml } from 'expressive-code/hast';
import { describe, expect, it } from 'vitest';
import { CHECK_LABELS, checkLabels } from '../../integrations/ec-check-label.ts';

// The site's two code themes, as astro.config.mjs names them.
const THEMES = ['github-dark', 'github-light-high-contrast'] as const;

async function render(meta: string, themes = THEMES) {
  const loaded = await Promise.all(themes.map(async (t) => await loadShikiTheme(t)));
  const ec = new ExpressiveCode({ themes: loaded, plugins: [checkLabels()] });
  const { renderedGroupAst, styles } = await ec.render({ code: 'x = 1\n', language: 'python', meta });
  const base = await ec.getBaseStyles();
  const themeStyles = await ec.getThemeStyles();
  return { html: toHtml(renderedGroupAst), css: [...styles].join('\n') + base + themeStyles, ec, loaded };
}

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('check labels on code blocks', () => {
  for (const [check, text] of Object.entries(CHECK_LABELS)) {
    it(`check=${check} shows a visible "${text}" label outside the <pre>`, async () => {
      const { html } = await render(`title="a.py" check=${check}`);
      const label = new RegExp(`<span class="check-label" data-check="${check}">${text}</span>`);
      expect(html).toMatch(label);
      const pre = html.slice(html.indexOf('<pre'), html.indexOf('</pre>'));
      expect(pre).not.toMatch(/check-label/);
    });
  }

  it('run and compile blocks get no label', async () => {
    for (const check of ['run', 'compile']) expect((await render(`check=${check}`)).html).not.toMatch(/check-label/);
  });

  it('labels untitled blocks too', async () => {
    expect((await render('check=output')).html).toMatch(/class="check-label"/);
  });

  it('styles the label with the code colours, which meet WCAG AA contrast in both themes', async () => {
    const { css, loaded } = await render('check=sketch');
    expect(css).toMatch(/\.check-label\{[^}]*color:var\(--ec-codeFg\)[^}]*background:var\(--ec-codeBg\)/);
    for (const theme of loaded) {
      const fg = theme.colors['editor.foreground']!.slice(0, 7);
      const bg = theme.colors['editor.background']!.slice(0, 7);
      expect(contrast(fg, bg), `${theme.name}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
