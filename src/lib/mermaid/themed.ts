/**
 * One SVG for both site themes. Mermaid draws a diagram once per theme; when the two
 * drawings differ only in colours, and only inside CSS (the SVG's <style> or style
 * attributes), each colour pair becomes a custom property whose value follows the
 * page's data-theme. The page then carries one copy of each diagram instead of two.
 */

/** CSS named colours (mermaid's dark theme writes "lightgrey"), matched only as whole words. */
const NAMED = 'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen transparent';
const COLOR = new RegExp(
  `#[0-9a-fA-F]{3,8}\\b|(?:rgba?|hsla?)\\([^)]*\\)|(?<![\\w#.-])(?:${NAMED.split(' ').join('|')})(?![\\w-])`,
  'gi',
);
/** Where a var() is honoured: inside <style> and inside style="…" (not presentation attributes). */
const CSS_REGION = /<style>[\s\S]*?<\/style>|\sstyle="[^"]*"/g;

/**
 * Gradient stops and drop shadows carry their colour in presentation attributes, where var() is not
 * reliably honoured. Mermaid's own CSS never sets these two properties, so moving them into a style
 * attribute (on a tag that has none) draws exactly the same.
 */
const PAINT_ATTR = /\s(stop-color|flood-color)="([^"]*)"/;

export function paintAsStyle(svg: string): string {
  const css = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '';
  if (/stop-color|flood-color/.test(css)) return svg;
  return svg.replace(/<[a-zA-Z][^>]*>/g, (tag) => {
    if (/\sstyle="/.test(tag)) return tag;
    const decls: string[] = [];
    let out = tag;
    for (let m = PAINT_ATTR.exec(out); m; m = PAINT_ATTR.exec(out)) {
      decls.push(`${m[1]}:${m[2]}`);
      out = out.replace(m[0], '');
    }
    return decls.length ? out.replace(/(\/?>)$/, ` style="${decls.join(';')}"$1`) : tag;
  });
}

interface Split {
  text: string[];
  colors: { value: string; at: number }[];
}

function split(svg: string): Split {
  const text: string[] = [];
  const colors: Split['colors'] = [];
  let last = 0;
  for (const m of svg.matchAll(COLOR)) {
    text.push(svg.slice(last, m.index));
    colors.push({ value: m[0], at: m.index });
    last = m.index + m[0].length;
  }
  text.push(svg.slice(last));
  return { text, colors };
}

/**
 * The themed SVG, or null when the drawings differ in anything but CSS colours
 * (then the page keeps one copy per theme). The light colours are the default, so a
 * page without a theme attribute (no JavaScript) shows the light drawing.
 */
export function mergeThemes(lightSvg: string, darkSvg: string): string | null {
  const light = paintAsStyle(lightSvg);
  const dark = paintAsStyle(darkSvg);
  const root = /^<svg id="([^"]+)"/.exec(light)?.[1];
  if (!root || !dark.startsWith(`<svg id="${root}"`)) return null;
  const l = split(light);
  const d = split(dark);
  if (l.text.length !== d.text.length || l.text.some((t, i) => t !== d.text[i])) return null;
  const regions = [...light.matchAll(CSS_REGION)].map((m) => [m.index, m.index + m[0].length] as const);
  const inCss = (at: number) => regions.some(([from, to]) => at >= from && at < to);
  const names = new Map<string, string>();
  const defs: { name: string; light: string; dark: string }[] = [];
  let out = l.text[0] as string;
  for (let i = 0; i < l.colors.length; i++) {
    const lc = l.colors[i]!;
    const dc = d.colors[i]!.value;
    let value = lc.value;
    if (lc.value.toLowerCase() !== dc.toLowerCase()) {
      if (!inCss(lc.at)) return null;
      const pair = `${lc.value}|${dc}`;
      let name = names.get(pair);
      if (!name) {
        name = `--dg${names.size}`;
        names.set(pair, name);
        defs.push({ name, light: lc.value, dark: dc });
      }
      value = `var(${name})`;
    }
    out += value + l.text[i + 1];
  }
  if (defs.length === 0) return out;
  const decl = (theme: 'light' | 'dark') => defs.map((v) => `${v.name}:${v[theme]}`).join(';');
  const rules = `#${root}{${decl('light')}}[data-theme=dark] #${root}{${decl('dark')}}`;
  return out.includes('<style>') ? out.replace('<style>', `<style>${rules}`) : null;
}
