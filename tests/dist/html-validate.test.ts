import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { distHtmlFiles, read, urlOf } from './helpers.ts';

// Markup we do not author is cut out before validation: Expressive Code's block internals
// (divs inside <code>, its copy button), mermaid's SVG (a <style> inside the SVG) and the
// <style> Astro places before its first island. Everything
// around them, including the <figure> and caption we build, is validated.
const foreign = (html: string) =>
  html
    .replace(/(<div class="expressive-code">)[\s\S]*?<\/figure><\/div>/g, '$1</div>')
    .replace(/<style>astro-island,[^<]*<\/style>/g, '')
    .replace(/(<div class="diagram-svg[^>]*>)<svg[\s\S]*?<\/svg><\/div>/g, '$1<svg></svg></div>');

// Rules switched off concern style choices of generated output (inline colour variables), not correctness.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': 'off',
    'long-title': 'off',
    'no-trailing-whitespace': 'off',
    'attribute-boolean-style': 'off',
    'void-style': 'off',
    'no-redundant-role': 'off',
    'svg-focusable': 'off',
    'attribute-empty-style': 'off',
    'unique-landmark': 'error',
  },
});

describe('HTML validity of dist/', () => {
  it('every page has 0 html-validate errors', async () => {
    const problems: string[] = [];
    for (const file of distHtmlFiles()) {
      const report = await validator.validateString(foreign(read(file)), file);
      for (const r of report.results)
        for (const m of r.messages) if (m.severity === 2) problems.push(`${urlOf(file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems.slice(0, 50)).toEqual([]);
  });
});
