import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '~/core';
import { RACERS, racerConfig } from '~/notebook/optimizers.ts';
import { resolveStep } from '~/notebook/normalise.ts';
import { PARAM_KEYS, PARAMS, param } from '~/notebook/params.ts';

describe('PARAMS, the one declaration per parameter', () => {
  it.each(PARAM_KEYS)('%s: its default survives a trip through its own URL text', (key) => {
    const p = param(key);
    const text = p.field.encode(p.initial as never);
    if (p.initial === null) expect(text).toBe('');
    else expect(p.field.parse(text)).toEqual(p.initial);
  });

  it('keys are unique and each is its entry\'s own key; no alias shadows another key', () => {
    for (const key of PARAM_KEYS) expect(PARAMS[key].key).toBe(key);
    const aliases = PARAM_KEYS.flatMap((key) => PARAMS[key].aliases ?? []);
    // the old `step` is read as bpttStep only where a page has no forward stepper (decodeQuery checks that)
    expect(aliases).toEqual(['step']);
  });

  it.each(PARAM_KEYS.filter((key) => PARAMS[key].range !== undefined && key !== 'x'))(
    '%s: its range is what its field accepts, ends included, and nothing beyond',
    (key) => {
      const { range, field } = PARAMS[key];
      if (!range) return;
      expect(() => field.parse(String(range.min))).not.toThrow();
      expect(() => field.parse(String(range.max))).not.toThrow();
      expect(() => field.parse(String(range.max + 1))).toThrow(RangeError);
      expect(() => field.parse(String(range.min - 1))).toThrow(RangeError);
    },
  );

  const numeric = PARAM_KEYS.filter((key) => PARAMS[key].spec[0] === 'real' || PARAMS[key].spec[0] === 'integer');

  it.each(numeric)('%s: every value in its range survives encode then parse (property, 500 runs)', (key) => {
    const { spec, field } = PARAMS[key] as unknown as { spec: readonly [string, number, number]; field: { parse(raw: string): number; encode(value: number): string } };
    const [kind, min, max] = spec;
    const values =
      kind === 'integer'
        ? fc.integer({ min, max })
        : fc.double({ min, max, noNaN: true }).filter((v) => v === 0 || Math.abs(v) >= 2 ** -1022);
    fc.assert(
      fc.property(values, (value) => {
        expect(field.parse(field.encode(value))).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 500 },
    );
  });

  // Every real setting (weights, rates, momentum, thresholds, penalties, step sizes) refuses a subnormal: the
  // optimizers and penalties would compute with it at a fraction of a double's precision.
  it.each(PARAM_KEYS.filter((key) => PARAMS[key].spec[0] === 'real'))('%s: refuses subnormal values with a message saying why', (key) => {
    const { field } = PARAMS[key];
    for (const text of ['1e-320', '-1e-320', '5e-324', '2.225073858507201e-308']) {
      expect(() => field.parse(text)).toThrow(/too small: a number other than 0 must be at least 2\.2250738585072014e-308 in size/);
    }
  });

  it('a hint says the range in plain digits', () => {
    expect(PARAMS.lr.hint).toBe('0.000001 to 1');
    expect(PARAMS.count.hint).toBe('1 to 200');
    expect(PARAMS.clip.hint).toBe('0 = off, up to 1000');
  });
});

describe('RACERS, the optimizer registry of the training chapter', () => {
  it.each(RACERS.map((racer) => [racer.kind, racer] as const))('%s: each parameter fills a field of its core config, defaulting to the core\'s default', (kind, racer) => {
    const defaults = OPTIMIZERS[kind].defaults as Record<string, number>;
    for (const p of racer.params) {
      expect(Object.keys(defaults)).toContain(p.core);
      expect(p.initial).toBe(defaults[p.core]);
    }
  });

  it('builds the core config from the page state by key', () => {
    const adam = RACERS.find((racer) => racer.kind === 'adam')!;
    expect(racerConfig(adam, { adamLr: 0.1, adamBeta1: 0.8, adamBeta2: 0.99, lr: 5 })).toEqual({
      kind: 'adam',
      learningRate: 0.1,
      beta1: 0.8,
      beta2: 0.99,
    });
  });

  it('has one racer per core optimizer kind, with URL keys unique across racers', () => {
    expect(RACERS.map((racer) => racer.kind).sort()).toEqual(Object.keys(OPTIMIZERS).sort());
    const keys = RACERS.flatMap((racer) => racer.params.map((p) => p.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('resolveStep(k, n)', () => {
  it('is n for null and keeps 1 ≤ k ≤ n otherwise (property, 1000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.option(fc.integer({ min: -5, max: 2000 })), (n, k) => {
        const shown = resolveStep(k, n);
        expect(shown).toBe(k === null ? n : Math.min(Math.max(k, 1), n));
        expect(shown >= 1 && shown <= n).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
