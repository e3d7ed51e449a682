// Fallback when diagrams could not be drawn at build time: load mermaid only
// when a diagram nears the viewport, then draw every diagram on the page.
const sources = document.querySelectorAll('pre[data-mermaid]');
if (sources.length > 0) {
  let started = false;
  const draw = async () => {
    if (started) return;
    started = true;
    observer.disconnect();
    const { default: mermaid } = await import('./mermaid.esm.min.mjs');
    const dark = document.documentElement.dataset.theme === 'dark';
    mermaid.initialize({ startOnLoad: false, layout: 'dagre', theme: dark ? 'dark' : 'neutral', securityLevel: 'strict' });
    sources.forEach((pre) => pre.classList.add('mermaid'));
    await mermaid.run({ nodes: [...sources] });
  };
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && draw(), {
    rootMargin: '400px 0px',
  });
  sources.forEach((el) => observer.observe(el));
}
