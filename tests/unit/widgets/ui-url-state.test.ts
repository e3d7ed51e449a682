import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bool, defaults, formatQuery, int, list, num, oneOf, parseQuery, seedField } from '../../../src/widgets/ui/url-schema.ts';
import { readUrlState, writeUrlState, type Preset } from '../../../src/widgets/ui/presets.ts';

const schema = {
  partitions: int(6, 1, 12),
  acks: oneOf('all', ['0', '1', 'all'] as const),
  rate: num(10, 0, 1000),
  idempotent: bool(true),
  keys: list([], 20),
  seed: seedField(),
};
type S = typeof schema;
const presets: Preset<S>[] = [
  { id: 'hot-key', title: 'One hot key', notice: 'One partition takes most of the traffic.', values: { keys: ['user-1'], partitions: 3 } },
  { id: 'acks-1', title: 'acks=1 and a leader crash', notice: 'Acknowledged records can be lost.', values: { acks: '1' } },
];

describe('url schema', () => {
  it('a missing query gives the defaults and no notes', () => {
    expect(parseQuery(schema, '')).toEqual({ values: defaults(schema), notes: [] });
  });

  it('round-trips any valid values through the query string', () => {
    fc.assert(
      fc.property(
        fc.record({
          partitions: fc.integer({ min: 1, max: 12 }),
          acks: fc.constantFrom('0' as const, '1' as const, 'all' as const),
          rate: fc.double({ min: 0, max: 1000, noNaN: true }),
          idempotent: fc.boolean(),
          keys: fc.array(fc.stringMatching(/^[a-z0-9_.:-]{1,10}$/), { maxLength: 20 }),
          seed: fc.integer({ min: 0, max: 0xffffffff }),
        }),
        (values) => {
          const { values: back, notes } = parseQuery(schema, formatQuery(schema, values));
          expect(notes).toEqual([]);
          expect(back).toEqual(values);
        },
      ),
    );
  });

  it('writes only what differs from the defaults', () => {
    expect(formatQuery(schema, { ...defaults(schema), partitions: 9, keys: ['a', 'b', 'c'] })).toBe('partitions=9&keys=a%2Cb%2Cc');
    expect(formatQuery(schema, defaults(schema))).toBe('');
  });

  it('an invalid value falls back to its default with a note, never an exception', () => {
    const r = parseQuery(schema, 'partitions=99&acks=2&rate=abc&idempotent=maybe&keys=a,b;c&seed=-4');
    expect(r.values).toEqual(defaults(schema));
    expect(r.notes).toEqual([
      'partitions=99 is not valid (a whole number from 1 to 12); using 6.',
      'acks=2 is not valid (one of 0, 1, all); using all.',
      'rate=abc is not valid (a number from 0 to 1000); using 10.',
      'idempotent=maybe is not valid (1 or 0); using 1.',
      'keys=a,b;c is not valid (up to 20 comma-separated names of letters, digits, - _ . :); using .',
      'seed=-4 is not valid (a whole number from 0 to 4294967295); using 1.',
    ]);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        expect(() => parseQuery(schema, q)).not.toThrow();
      }),
    );
  });

  it('keys given in the URL come back in order, so automation can ask for exactly those keys', () => {
    expect(parseQuery(schema, '?partitions=4&keys=a,b,c').values).toMatchObject({ partitions: 4, keys: ['a', 'b', 'c'] });
  });
});

describe('presets in the URL', () => {
  it('?preset= selects a preset and explicit values override it', () => {
    const r = readUrlState(schema, presets, 'preset=hot-key&partitions=5');
    expect(r.preset?.id).toBe('hot-key');
    expect(r.values).toMatchObject({ keys: ['user-1'], partitions: 5, acks: 'all' });
    expect(r.notes).toEqual([]);
  });

  it('an unknown preset is named in a note and the defaults are used', () => {
    const r = readUrlState(schema, presets, 'preset=nope');
    expect(r.preset).toBeNull();
    expect(r.values).toEqual(defaults(schema));
    expect(r.notes[0]).toMatch(/^preset=nope is not a preset of this widget \(hot-key, acks-1\)/);
  });

  it('writes the preset plus only the values changed from it, and reads back the same', () => {
    const values = { ...defaults(schema), keys: ['user-1'], partitions: 3, seed: 42 };
    const q = writeUrlState(schema, values, presets[0]!);
    expect(q).toBe('preset=hot-key&seed=42');
    const back = readUrlState(schema, presets, q);
    expect(back.values).toEqual(values);
    // Changing a preset value back to the global default must still be written.
    const reverted = { ...values, partitions: 6 };
    expect(readUrlState(schema, presets, writeUrlState(schema, reverted, presets[0]!)).values).toEqual(reverted);
  });
});
