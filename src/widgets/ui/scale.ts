/** Axis scales and tick values for the kit's SVG charts: linear, with "nice" round steps. */

export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
  ticks(count?: number): number[];
}

/** The round step (1, 2 or 5 times a power of ten) that gives about `count` ticks over the span. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
}

/** Extends [min, max] outwards to whole steps, so the axis starts and ends on a tick. */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
  if (min === max) return max === 0 ? [0, 1] : min > 0 ? [0, max] : [min, 0];
  const step = niceStep(max - min, count);
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as LinearScale;
  scale.domain = domain;
  scale.range = range;
  scale.ticks = (count = 5) => {
    const step = niceStep(d1 - d0, count);
    const out: number[] = [];
    // Multiply rather than accumulate, so 0.1 + 0.2-style drift never produces a tick like 0.30000000000000004.
    for (let i = Math.ceil(d0 / step); i * step <= d1 + step * 1e-9; i++) out.push(Number((i * step).toPrecision(12)));
    return out;
  };
  return scale;
}

const formatters = new Map<number, Intl.NumberFormat>();

/** A tick label: thousands separated, at most `digits` decimals, units appended when given. */
export function formatTick(value: number, unit = '', digits = 2): string {
  // One formatter per precision: toLocaleString builds a new one on every call, which shows in a chart redrawn each frame.
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  const text = f.format(value);
  return unit ? `${text} ${unit}` : text;
}
