/**
 * Expressive Code plugin: code blocks whose meta says check=sketch, check=config or check=output
 * get a visible "Sketch", "Config" or "Output" label above the code, so a reader knows before
 * copying that a block is deliberately incomplete, configuration, or printed output. The label
 * uses the code block's own foreground and background, so it has the theme's code contrast in
 * both the dark and the light theme.
 */
import type { ExpressiveCodePlugin } from 'astro-expressive-code';

export const CHECK_LABELS: Record<string, string> = { sketch: 'Sketch', config: 'Config', output: 'Output' };

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

export function checkLabels(): ExpressiveCodePlugin {
  return {
    name: 'check-labels',
    baseStyles: ({ cssVar }) => `
      .check-label {
        display: block;
        width: fit-content;
        margin: 0 0 0.25rem;
        padding: 0.125rem 0.5rem;
        border: ${cssVar('borderWidth')} solid ${cssVar('borderColor')};
        border-radius: 0.25rem;
        font-family: ${cssVar('uiFontFamily')};
        font-size: 0.75rem;
        font-weight: 700;
        letter-spacing: 0.04em;
        text-transform: uppercase;
        color: ${cssVar('codeForeground')};
        background: ${cssVar('codeBackground')};
      }
    `,
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const check = codeBlock.metaOptions.getString('check');
        const text = check ? CHECK_LABELS[check] : undefined;
        if (!text) return;
        const label: HastNode = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['check-label'], dataCheck: check },
          children: [{ type: 'text', value: text }],
        };
        const root = renderData.blockAst as HastNode;
        if (root.tagName === 'figure') {
          root.properties ??= {};
          root.properties.dataCheck = check;
          // after the frame's header, before the code
          const at = (root.children ?? []).findIndex((c) => c.tagName === 'figcaption') + 1;
          root.children = [...(root.children ?? []).slice(0, at), label, ...(root.children ?? []).slice(at)];
        } else {
          // no frame around the code: never put the label inside the <pre>
          renderData.blockAst = { type: 'element', tagName: 'div', properties: { dataCheck: check }, children: [label, root] } as typeof renderData.blockAst;
        }
      },
    },
  };
}
