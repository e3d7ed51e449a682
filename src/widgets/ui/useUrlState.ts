/**
 * useUrlState(schema, presets): every control, the preset and the seed live in the query string.
 * The server render uses the defaults (or the preset a page embeds); on mount the hook reads the
 * real URL, and every change is written back with replaceState, so a copied address reproduces
 * the view. Invalid values become notes, never exceptions.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { readUrlState, writeUrlState, type Preset } from './presets.ts';
import type { Schema, Values } from './url-schema.ts';

export interface UrlStateHandle<S extends Schema> {
  values: Values<S>;
  preset: Preset<S> | null;
  notes: string[];
  set(patch: Partial<Values<S>>): void;
  choosePreset(id: string | null): void;
  /** The address of exactly this view. */
  link(): string;
}

export function useUrlState<S extends Schema>(schema: S, presets: readonly Preset<S>[], initialQuery = '', syncUrl = true): UrlStateHandle<S> {
  const [state, setState] = useState(() => readUrlState(schema, presets, initialQuery));

  useEffect(() => {
    if (syncUrl && location.search) setState(readUrlState(schema, presets, location.search));
  }, []);

  useEffect(() => {
    if (!syncUrl) return;
    const q = writeUrlState(schema, state.values, state.preset);
    const url = `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  }, [state]);

  const set = useCallback((patch: Partial<Values<S>>) => setState((s) => ({ ...s, values: { ...s.values, ...patch }, notes: [] })), []);
  const choosePreset = useCallback(
    (id: string | null) => setState(readUrlState(schema, presets, id === null ? '' : `preset=${encodeURIComponent(id)}`)),
    [],
  );
  const link = () => {
    const q = writeUrlState(schema, state.values, state.preset);
    return `${location.origin}${location.pathname}${q ? `?${q}` : ''}`;
  };
  return { values: state.values, preset: state.preset, notes: state.notes, set, choosePreset, link };
}
