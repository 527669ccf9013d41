/**
 * Saving and loading a trained model as plain JSON: sizes, activation, dictionary, the five weight arrays
 * (row-major, as in `Params`) and free-form metadata (seed, hyper-parameters, final loss …).
 */
import type { Dictionary } from './dictionary.ts';
import { dictionaryFromWords, END, START, UNKNOWN } from './dictionary.ts';
import type { Params } from './params.ts';
import { checkActivation, checkSizes, WEIGHT_NAMES, zeroParams } from './params.ts';

/** Value of the `format` field of a serialized model. */
export const LM_FORMAT = 'rnn-notebook/vector-lm';
/** Version of the serialized layout. */
export const LM_FORMAT_VERSION = 1;

/** A serialized model: plain JSON. */
export interface LmJson {
  format: typeof LM_FORMAT;
  version: typeof LM_FORMAT_VERSION;
  H: number;
  V: number;
  activation: Params['activation'];
  /** The dictionary's words, index order (`<s>`, `</s>`, `<unk>` first). */
  words: string[];
  wRec: number[];
  wX: number[];
  b: number[];
  wY: number[];
  bY: number[];
  meta: Record<string, unknown>;
}

/** Options of `serializeParams`. */
export interface SerializeOptions {
  /** Round every weight to this many significant digits (1–17) to shrink the file; omitted = full precision. */
  significantDigits?: number;
}

/** Parameters and dictionary as a plain JSON object (weights optionally rounded to d significant digits). */
export function serializeParams(
  params: Params,
  dict: Dictionary,
  meta: Record<string, unknown> = {},
  options: SerializeOptions = {},
): LmJson {
  const { significantDigits } = options;
  if (significantDigits !== undefined && (!Number.isInteger(significantDigits) || significantDigits < 1 || significantDigits > 17)) {
    throw new RangeError(`significantDigits must be an integer from 1 to 17, got ${String(significantDigits)}`);
  }
  if (dict.words.length !== params.V) {
    throw new RangeError(`dict has ${dict.words.length} words but the model's vocabulary has V = ${params.V}`);
  }
  const round = (x: number): number => (significantDigits === undefined ? x : Number(x.toPrecision(significantDigits)));
  const array = (w: Float64Array): number[] => Array.from(w, round);
  return {
    format: LM_FORMAT,
    version: LM_FORMAT_VERSION,
    H: params.H,
    V: params.V,
    activation: params.activation,
    words: [...dict.words],
    wRec: array(params.wRec),
    wX: array(params.wX),
    b: array(params.b),
    wY: array(params.wY),
    bY: array(params.bY),
    meta,
  };
}

/** Reads a serialized model back, checking every field: a mangled file throws a RangeError naming the field. */
export function deserializeParams(json: unknown): { params: Params; dict: Dictionary; meta: Record<string, unknown> } {
  const where = 'serialized model';
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new RangeError(`${where} must be a JSON object, got ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`);
  }
  const o = json as Record<string, unknown>;
  if (o.format !== LM_FORMAT) {
    throw new RangeError(`${where}: field "format" must be "${LM_FORMAT}", got ${JSON.stringify(o.format)}`);
  }
  if (o.version !== LM_FORMAT_VERSION) {
    throw new RangeError(`${where}: field "version" must be ${LM_FORMAT_VERSION}, got ${JSON.stringify(o.version)}`);
  }
  const H = o.H as number;
  const V = o.V as number;
  try {
    checkSizes(H, V);
    checkActivation(o.activation);
  } catch (error) {
    throw new RangeError(`${where}: ${(error as Error).message}`);
  }
  const words = o.words;
  if (!Array.isArray(words) || words.length !== V) {
    throw new RangeError(
      `${where}: field "words" must be an array of V = ${V} words, got ${Array.isArray(words) ? `${words.length} entries` : typeof words}`,
    );
  }
  [START, END, UNKNOWN].forEach((special, i) => {
    if (words[i] !== special) {
      throw new RangeError(`${where}: words[${i}] must be "${special}", got ${JSON.stringify(words[i])}`);
    }
  });
  let dict: Dictionary;
  try {
    dict = dictionaryFromWords(words.slice(3) as string[]);
  } catch (error) {
    throw new RangeError(`${where}: ${(error as Error).message.replace(/^words\[(\d+)\]/, (_, i) => `words[${Number(i) + 3}]`)}`);
  }
  const params = zeroParams(H, V, o.activation as Params['activation']);
  for (const name of WEIGHT_NAMES) {
    const target = params[name];
    const source = o[name];
    if (!Array.isArray(source) || source.length !== target.length) {
      throw new RangeError(
        `${where}: field "${name}" must be an array of ${target.length} numbers, got ${Array.isArray(source) ? `${source.length} entries` : typeof source}`,
      );
    }
    for (let i = 0; i < source.length; i++) {
      const x = source[i];
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new RangeError(`${where}: ${name}[${i}] must be a finite number, got ${JSON.stringify(x)}`);
      }
      target[i] = x;
    }
  }
  const meta = o.meta;
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta))) {
    throw new RangeError(`${where}: field "meta" must be an object, got ${JSON.stringify(meta)}`);
  }
  return { params, dict, meta: (meta ?? {}) as Record<string, unknown> };
}
