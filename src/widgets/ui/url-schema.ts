/**
 * Typed query-string state for widgets. A schema names each control with its type, default and
 * bounds; parsing never throws: a value that is missing takes its default silently, a value that
 * is present but invalid takes its default and yields a note the island shows. Serialising writes
 * only values that differ from their defaults, so a shared link is short and stays stable when
 * new controls are added later.
 */

export type Field<T> = {
  readonly default: T;
  /** Returns the parsed value, or undefined when the text is not valid for this field. */
  parse(text: string): T | undefined;
  format(value: T): string;
  /** A short description of what is accepted, for the note on an invalid value. */
  readonly expects: string;
};

export type Schema = Record<string, Field<any>>;
export type Values<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

export interface ParseResult<S extends Schema> {
  values: Values<S>;
  /** One line per rejected parameter: "partitions=99 is not valid (a whole number from 1 to 12); using 6." */
  notes: string[];
}

export function int(def: number, min: number, max: number): Field<number> {
  return {
    default: def,
    expects: `a whole number from ${min} to ${max}`,
    parse(text) {
      if (!/^-?\d+$/.test(text.trim())) return undefined;
      const n = Number(text);
      return n >= min && n <= max ? n : undefined;
    },
    format: (v) => String(v),
  };
}

export function num(def: number, min: number, max: number): Field<number> {
  return {
    default: def,
    expects: `a number from ${min} to ${max}`,
    parse(text) {
      if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return undefined;
      const n = Number(text);
      return n >= min && n <= max ? n : undefined;
    },
    format: (v) => String(v),
  };
}

export function oneOf<const T extends string>(def: T, options: readonly T[]): Field<T> {
  return {
    default: def,
    expects: `one of ${options.join(', ')}`,
    parse: (text) => (options as readonly string[]).includes(text) ? (text as T) : undefined,
    format: (v) => v,
  };
}

export function bool(def: boolean): Field<boolean> {
  return {
    default: def,
    expects: '1 or 0',
    parse: (text) => (text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined),
    format: (v) => (v ? '1' : '0'),
  };
}

/** A comma-separated list of short tokens (letters, digits, - _ . :), at most `max` items. */
export function list(def: readonly string[], max: number): Field<readonly string[]> {
  return {
    default: def,
    expects: `up to ${max} comma-separated names of letters, digits, - _ . :`,
    parse(text) {
      const items = text.split(',').map((s) => s.trim()).filter(Boolean);
      if (items.length > max || items.some((s) => !/^[\w.:-]{1,64}$/.test(s))) return undefined;
      return items;
    },
    format: (v) => v.join(','),
  };
}

/** The seed of a simulation's random numbers: an unsigned 32-bit integer. */
export const seedField = (def = 1): Field<number> => int(def, 0, 0xffffffff);

function same<T>(field: Field<T>, a: T, b: T): boolean {
  return field.format(a) === field.format(b);
}

export function defaults<S extends Schema>(schema: S): Values<S> {
  return Object.fromEntries(Object.entries(schema).map(([k, f]) => [k, f.default])) as Values<S>;
}

export function parseQuery<S extends Schema>(schema: S, query: string | URLSearchParams, base: Partial<Values<S>> = {}): ParseResult<S> {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const values = { ...defaults(schema), ...base } as Values<S>;
  const notes: string[] = [];
  for (const [key, field] of Object.entries(schema)) {
    const text = params.get(key);
    if (text === null) continue;
    const parsed = field.parse(text);
    if (parsed === undefined) {
      notes.push(`${key}=${text} is not valid (${field.expects}); using ${field.format(values[key as keyof S])}.`);
    } else {
      (values as Record<string, unknown>)[key] = parsed;
    }
  }
  return { values, notes };
}

/** The query string (without "?") for these values: only those that differ from the defaults. */
export function formatQuery<S extends Schema>(schema: S, values: Values<S>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  for (const [key, field] of Object.entries(schema)) {
    const v = values[key as keyof S];
    if (!same(field, v, field.default)) params.set(key, field.format(v));
  }
  return params.toString();
}
