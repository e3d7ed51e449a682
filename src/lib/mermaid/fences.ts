/**
 * A Sätteri mdast plugin: takes every ```mermaid fence out of an MDX document
 * before code blocks are highlighted, and puts a <figure class="diagram"> in its
 * place. An italic paragraph right after the fence becomes the figure's caption.
 */
import type { MdastPluginDefinition, MdastVisitorContext, PluginFactoryContext } from 'satteri';
import type { Code, Paragraph, PhrasingContent, Root } from 'mdast';
import { drawnDiagramHtml, LAZY_LOADER_TAG, sourceHtml } from './figure.ts';
import type { RawDiagram } from './render.ts';

/** What the plugin needs from the build's diagram stage. */
export interface DiagramSource {
  draw(source: string, origin: string): Promise<RawDiagram | null>;
}

type Node = { type: string; [k: string]: unknown };

const attr = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });
const element = (name: string, attributes: ReturnType<typeof attr>[], children: unknown[] = []) =>
  ({ type: 'mdxJsxFlowElement', name, attributes, children }) as unknown as Node;
/** Raw HTML in MDX: the Fragment Astro gives every MDX document, with set:html (as Astro's own optimizer does). */
const rawHtml = (html: string) => element('Fragment', [attr('set:html', html)]);

/** The caption of a fence: the next sibling, when it is a paragraph holding only emphasis. */
export function captionOf(next: unknown): { paragraph: Paragraph; children: PhrasingContent[] } | null {
  const p = next as Paragraph | undefined;
  if (p?.type !== 'paragraph') return null;
  const kids = p.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = kids[0];
  if (kids.length !== 1 || only?.type !== 'emphasis') return null;
  return { paragraph: p, children: only.children };
}

export function diagramFences(stage: DiagramSource) {
  return (factory: PluginFactoryContext): MdastPluginDefinition | null => {
    // Plain Markdown has no JSX to carry the figure; the site writes every page in MDX.
    if (factory.sourceFormat !== 'mdx' || !factory.source.includes('```mermaid')) return null;
    const origin = factory.fileURL?.pathname ?? 'an MDX document';
    let count = 0;
    let lazy = false;
    const onPage = new Set<string>();
    let inOrder: Promise<unknown> = Promise.resolve();
    return {
      name: 'backend-atlas:diagram-fences',
      async code(node: Readonly<Code>, ctx: MdastVisitorContext) {
        if (node.lang !== 'mermaid') return;
        // Numbered before the first await, so ids follow document order however the drawings finish.
        const index = ++count;
        const parent = ctx.parent(node);
        const at = ctx.indexOf(node);
        const caption = parent && at !== undefined ? captionOf(parent.children[at + 1]) : null;
        const captionId = `diagram-${index}-caption`;
        const label = caption ? ` aria-labelledby="${captionId}"` : ' aria-label="Diagram"';
        // Drawings may finish in any order; the HTML is built in document order, so the first
        // diagram of a page always carries the styles it shares with later ones.
        const drawing = stage.draw(node.value, origin);
        const turn = inOrder.then(async () => {
          const raw = await drawing;
          if (raw) return drawnDiagramHtml(raw, `diagram-${index}`, label, onPage).html;
          lazy = true;
          return sourceHtml(node.value.trim());
        });
        inOrder = turn.catch(() => undefined);
        const body = await turn;
        if (caption) ctx.removeNode(caption.paragraph);
        const children = [rawHtml(body)];
        if (caption) children.push(element('figcaption', [attr('id', captionId)], caption.children));
        ctx.replaceNode(node, element('figure', [attr('class', 'diagram')], children) as never);
      },
      after(root: Readonly<Root>, ctx: MdastVisitorContext) {
        if (lazy) ctx.appendChild(root, rawHtml(LAZY_LOADER_TAG) as never);
      },
    };
  };
}
