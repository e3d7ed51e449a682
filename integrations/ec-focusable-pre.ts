/**
 * Expressive Code plugin: makes every code block's <pre> keyboard-focusable so
 * long lines that scroll sideways can be scrolled without a mouse (axe:
 * scrollable-region-focusable), and labels it with the block's language.
 */
import type { ExpressiveCodePlugin } from 'astro-expressive-code';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function findPre(node: HastNode): HastNode | undefined {
  if (node.type === 'element' && node.tagName === 'pre') return node;
  for (const child of node.children ?? []) {
    const found = findPre(child);
    if (found) return found;
  }
  return undefined;
}

export function focusablePre(): ExpressiveCodePlugin {
  return {
    name: 'focusable-pre',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const pre = findPre(renderData.blockAst as HastNode);
        if (!pre) return;
        pre.properties ??= {};
        pre.properties.tabIndex = 0;
        const title = codeBlock.props.title;
        pre.properties.ariaLabel = title ? `Code: ${title}` : `${codeBlock.language || 'Code'} code`;
      },
    },
  };
}
