/**
 * Presets: named starting points of a widget, each with one line telling the reader what to
 * notice. `?preset=<id>` selects one; explicit parameters in the same link override its values,
 * so a link reproduces exactly what its sender saw even after they changed a control.
 */
import { formatQuery, parseQuery, type ParseResult, type Schema, type Values } from './url-schema.ts';

export interface Preset<S extends Schema> {
  readonly id: string;
  readonly title: string;
  /** What to notice, in one sentence. */
  readonly notice: string;
  readonly values: Partial<Values<S>>;
}

export interface UrlState<S extends Schema> extends ParseResult<S> {
  /** The preset the values start from, if any. */
  preset: Preset<S> | null;
}

export function readUrlState<S extends Schema>(schema: S, presets: readonly Preset<S>[], query: string | URLSearchParams): UrlState<S> {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const id = params.get('preset');
  const preset = id === null ? null : presets.find((p) => p.id === id) ?? null;
  const parsed = parseQuery(schema, params, preset?.values ?? {});
  if (id !== null && preset === null) {
    parsed.notes.unshift(`preset=${id} is not a preset of this widget (${presets.map((p) => p.id).join(', ')}); using the defaults.`);
  }
  return { ...parsed, preset };
}

/** The query for these values: the preset's id plus only the values that differ from the preset. */
export function writeUrlState<S extends Schema>(schema: S, values: Values<S>, preset: Preset<S> | null): string {
  if (preset === null) return formatQuery(schema, values);
  // Compare against the preset's values by treating them as the defaults.
  const relative = Object.fromEntries(
    Object.entries(schema).map(([k, f]) => [k, { ...f, default: k in preset.values ? preset.values[k as keyof S] : f.default }]),
  ) as S;
  return formatQuery(relative, values, { preset: preset.id });
}

/** The values a page's preset starts from, and the preset itself (the first one when none is named). */
export function presetStart<S extends Schema>(schema: S, presets: readonly Preset<S>[], id?: string): { values: Values<S>; preset: Preset<S> } {
  const { values, preset } = readUrlState(schema, presets, id ? `preset=${encodeURIComponent(id)}` : '');
  return { values, preset: preset ?? presets[0]! };
}
