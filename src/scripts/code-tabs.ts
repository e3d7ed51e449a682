/** Code tab labels and the remembered language (one choice applies to every tab group). */
export const CODE_LANGUAGE_KEY = 'atlas:code-language:v1';

const LABELS: Record<string, string> = {
  python: 'Python',
  py: 'Python',
  go: 'Go',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  js: 'JavaScript',
  javascript: 'JavaScript',
  java: 'Java',
  rust: 'Rust',
  sql: 'SQL',
  bash: 'Shell',
  sh: 'Shell',
  yaml: 'YAML',
  json: 'JSON',
  lua: 'Lua',
};

export function labelFor(lang: string): string {
  return LABELS[lang.toLowerCase()] ?? lang;
}
