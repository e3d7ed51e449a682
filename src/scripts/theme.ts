/** Theme preference helpers shared by the toggle (the inline head script mirrors them). */
export const THEME_KEY = 'atlas:theme:v1';
export type ThemePref = 'light' | 'dark' | 'system';

const ORDER: ThemePref[] = ['system', 'light', 'dark'];

export function nextTheme(pref: ThemePref): ThemePref {
  return ORDER[(ORDER.indexOf(pref) + 1) % ORDER.length] ?? 'system';
}

export function resolveTheme(pref: ThemePref, systemDark: boolean): 'light' | 'dark' {
  if (pref === 'system') return systemDark ? 'dark' : 'light';
  return pref;
}
