import { describe, expect, it } from 'vitest';
import { buildDictionary } from '~/core/lm/dictionary';
import { initParams, WEIGHT_NAMES } from '~/core/lm/params';
import { deserializeParams, serializeParams } from '~/core/lm/serialize';
import type { LmJson } from '~/core/lm/serialize';

const dict = buildDictionary('i like french fries\nwe like wine');
const params = initParams(3, dict.words.length, { seed: 5 });

function saved(): LmJson {
  return JSON.parse(JSON.stringify(serializeParams(params, dict, { seed: 5 }))) as LmJson;
}

describe('serializeParams / deserializeParams', () => {
  it('a JSON round trip gives back the same weights bit for bit, the dictionary and the metadata', () => {
    const back = deserializeParams(saved());
    for (const name of WEIGHT_NAMES) expect(Array.from(back.params[name])).toEqual(Array.from(params[name]));
    expect([back.params.H, back.params.V, back.params.activation]).toEqual([3, 9, 'tanh']);
    expect(back.dict.words).toEqual(dict.words);
    expect(back.dict.index.get('french')).toBe(dict.index.get('french'));
    expect(back.meta).toEqual({ seed: 5 });
  });

  it('serializeParams(…, { significantDigits: 3 }) rounds every weight to 3 significant digits', () => {
    const json = serializeParams(params, dict, {}, { significantDigits: 3 });
    json.wY.forEach((w, i) => {
      expect(w).toBe(Number(params.wY[i].toPrecision(3)));
      expect(Math.abs(w - params.wY[i])).toBeLessThanOrEqual(Math.abs(params.wY[i]) * 5e-3);
    });
  });

  type Mangle = (j: Record<string, unknown>) => unknown;
  it.each<[string, Mangle, RegExp]>([
    // not an object at all
    ['null', () => null, /serialized model must be a JSON object, got null/],
    // an array
    ['an array', () => [], /must be a JSON object, got an array/],
    // another file
    ['a wrong format', (j) => ({ ...j, format: 'something-else' }), /field "format" must be "rnn-notebook\/vector-lm"/],
    // a future version
    ['a wrong version', (j) => ({ ...j, version: 2 }), /field "version" must be 1, got 2/],
    // hidden size out of range
    ['H = 0', (j) => ({ ...j, H: 0 }), /serialized model: H \(hidden size\) must be an integer from 1 to 256, got 0/],
    // unknown activation
    ['activation "relu"', (j) => ({ ...j, activation: 'relu' }), /activation must be "tanh" or "identity", got "relu"/],
    // dictionary shorter than V
    ['a short word list', (j) => ({ ...j, words: (j.words as string[]).slice(1) }), /field "words" must be an array of V = 9 words, got 8 entries/],
    // specials out of place
    ['specials swapped', (j) => ({ ...j, words: ['</s>', '<s>', ...(j.words as string[]).slice(2)] }), /words\[0\] must be "<s>", got "<\/s>"/],
    // the same word twice
    ['a duplicate word', (j) => ({ ...j, words: [...(j.words as string[]).slice(0, 8), 'like'] }), /words\[8\] "like" appears twice/],
    // a missing matrix
    ['no wY', (j) => ({ ...j, wY: undefined }), /field "wY" must be an array of 27 numbers, got undefined/],
    // a truncated matrix
    ['a short wRec', (j) => ({ ...j, wRec: (j.wRec as number[]).slice(1) }), /field "wRec" must be an array of 9 numbers, got 8 entries/],
    // a string in a matrix
    ['a string in wX', (j) => ({ ...j, wX: (j.wX as number[]).map((w, i) => (i === 4 ? 'abc' : w)) }), /wX\[4\] must be a finite number, got "abc"/],
    // NaN written by JSON.stringify as null
    ['null in bY', (j) => ({ ...j, bY: (j.bY as number[]).map((w, i) => (i === 2 ? null : w)) }), /bY\[2\] must be a finite number, got null/],
    // metadata not an object
    ['meta = 3', (j) => ({ ...j, meta: 3 }), /field "meta" must be an object, got 3/],
  ])('deserializeParams refuses %s with a RangeError naming the field', (_, mangle, message) => {
    const bad = mangle(saved() as unknown as Record<string, unknown>);
    expect(() => deserializeParams(bad)).toThrow(RangeError);
    expect(() => deserializeParams(bad)).toThrow(message);
  });
});
