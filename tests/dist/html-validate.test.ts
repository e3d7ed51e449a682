import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { distHtmlFiles, read, urlOf } from './helpers.ts';

// Rules switched off are about generated markup we do not author (inline SVG from mermaid,
// Expressive Code's inline colour variables), not about correctness.
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
      const report = await validator.validateString(read(file), file);
      for (const r of report.results)
        for (const m of r.messages) if (m.severity === 2) problems.push(`${urlOf(file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems.slice(0, 50)).toEqual([]);
  });
});
