import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS, blocksOf, contentFiles, family } from '../samples/blocks.ts';

/** Import paths of a Go file; a path whose first element has a dot is a module, not the standard library. */
function goImports(code: string): string[] {
  const block = /^import\s*\(([\s\S]*?)^\)/m.exec(code)?.[1] ?? '';
  const single = [...code.matchAll(/^import\s+(?:\w+\s+)?"([^"]+)"/gm)].map((m) => m[1]!);
  return [...[...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]!), ...single];
}

describe('code blocks declare how they are checked', () => {
  for (const file of contentFiles()) {
    const text = readFileSync(file, 'utf8');
    const blocks = blocksOf(file, text).filter((b) => b.lang !== 'mermaid');
    if (blocks.length === 0) continue;
    const prose = text.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[ \t]*$/gm, '');
    describe(blocks[0]!.file, () => {
      for (const b of blocks) {
        it(`${b.lang} block at line ${b.line} has a valid check= kind`, () => {
          expect(KINDS as readonly string[], `${b.file}:${b.line} needs check=run|compile|sketch|config|output`).toContain(b.check);
        });
        if (family(b.lang) === 'go' && (b.check === 'run' || b.check === 'compile')) {
          it(`Go block at line ${b.line} gives a reason exactly when it needs a module`, () => {
            const modules = goImports(b.code).filter((p) => p.split('/')[0]!.includes('.'));
            if (modules.length) expect(b.meta.reason, `imports ${modules.join(', ')}: add reason="needs <module>"`).toMatch(/^needs \S+/);
            else expect(b.meta.reason, 'standard-library Go is built, so it needs no reason').toBeUndefined();
          });
        }
        if (b.meta.reason) {
          it(`block at line ${b.line} has a reason only as a compile-only Go block`, () => {
            expect(family(b.lang)).toBe('go');
            expect(b.check).toBe('compile');
          });
        }
      }
      if (blocks.some((b) => family(b.lang) === 'go')) {
        it('states which Go version its Go samples need', () => {
          expect(prose).toMatch(/\bGo 1\.\d+/);
        });
      }
      if (blocks.some((b) => b.check === 'sketch')) {
        it('says in its prose that a sketch is a sketch', () => {
          expect(prose).toMatch(/\bsketch/i);
        });
      }
    });
  }
});
