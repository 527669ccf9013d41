import { formatNumber } from './format.ts';
import { fieldOf, type Field, type FieldSpec, type StepOver } from './fields.ts';

/** How a parameter's symbol is written: a base letter with an optional subscript (w, rec → w_rec). */
export interface ParamSymbol {
  readonly base: string;
  readonly sub?: string;
}

/**
 * One parameter of a page's notebook, declared once: its URL key, how the URL text is read and checked, its
 * default, and how controls label it. Sliders, fields, the frontmatter check and the page's notebook (which carries
 * each key's `spec`) all come from this declaration. A step is normalised against the sequence (normalise.ts).
 */
export interface Param<T, K extends string = string> {
  /** The key in the URL and in a chapter's frontmatter. */
  readonly key: K;
  /** The core's name for the quantity (the argument or config field it becomes); the key where they agree. */
  readonly core: string;
  /** How its URL text is read, as data (what a page's notebook carries for it). */
  readonly spec: FieldSpec;
  /** Reads URL or frontmatter text (throws a RangeError saying what is expected) and writes a value back. */
  readonly field: Field<T>;
  /** The value a page has unless its frontmatter or URL says otherwise. */
  readonly initial: T;
  /** The symbol controls show (w_rec, η, λ). */
  readonly symbol: ParamSymbol;
  /** The visible words before the symbol ("learning rate"), '' for a bare symbol. */
  readonly label: string;
  /** Plain text for assistive technology and messages ("w rec", "η"). */
  readonly name: string;
  /** The allowed values in words, shown after a field's label ("0 to 10"). */
  readonly hint: string;
  /** A slider's range and step (numbers only). */
  readonly range?: { readonly min: number; readonly max: number; readonly step: number };
  /** The control a cell shows for it unless it asks for another: a range slider, a text field, or a choice of words. */
  readonly control: 'slider' | 'field' | 'choice';
  /** Whole numbers only (a field with a numeric keyboard and spin-button bounds). */
  readonly integer?: boolean;
  /** Older URL keys still read as this one (a link made before a rename keeps working). */
  readonly aliases?: readonly string[];
}

/** The declaration's text form of a number, as the hint shows it (plain digits, never scientific notation). */
function plain(value: number): string {
  return Math.abs(value) < 1e-3 && value !== 0 ? value.toFixed(-Math.floor(Math.log10(Math.abs(value)))) : formatNumber(value, 6);
}

interface Common<K extends string> {
  key: K;
  core?: string;
  symbol: ParamSymbol;
  label?: string;
  name: string;
  hint?: string;
  aliases?: readonly string[];
  control?: Param<unknown>['control'];
}

/** The fields every kind of parameter fills the same way from its spec. */
function declare<T, K extends string>(spec: Common<K>, read: FieldSpec, initial: T, hint: string, control: Param<T>['control'] = 'field'): Param<T, K> {
  return {
    control: spec.control ?? control,
    key: spec.key,
    core: spec.core ?? spec.key,
    spec: read,
    field: fieldOf(read) as Field<T>,
    initial,
    symbol: spec.symbol,
    label: spec.label ?? '',
    name: spec.name,
    hint: spec.hint ?? hint,
    aliases: spec.aliases,
  };
}

/** A real number in [min, max]; `step` is a slider's granularity. */
/*#__NO_SIDE_EFFECTS__*/
export function realParam<K extends string>(spec: Common<K> & { min: number; max: number; initial: number; step?: number }): Param<number, K> {
  const { min, max, step = 0.01 } = spec;
  return { ...declare(spec, ['real', min, max], spec.initial, `${plain(min)} to ${plain(max)}`), range: { min, max, step } };
}

/** A whole number in [min, max]. */
/*#__NO_SIDE_EFFECTS__*/
export function integerParam<K extends string>(spec: Common<K> & { min: number; max: number; initial: number }): Param<number, K> {
  const { min, max } = spec;
  return {
    ...declare(spec, ['integer', min, max], spec.initial, `${plain(min)} to ${plain(max)}`),
    range: { min, max, step: 1 },
    integer: true,
  };
}

/** One of a fixed list of words. */
/*#__NO_SIDE_EFFECTS__*/
export function choiceParam<T extends string, K extends string>(spec: Common<K> & { choices: readonly T[]; initial: T }): Param<T, K> {
  return declare(spec, ['choice', spec.choices], spec.initial, spec.choices.join(' or '), 'choice');
}

/** A 0/1 input sequence of 1 to `maxLength` steps. */
/*#__NO_SIDE_EFFECTS__*/
export function sequenceParam<K extends string>(spec: Common<K> & { maxLength: number; initial: number[] }): Param<number[], K> {
  return {
    ...declare(spec, ['sequence', spec.maxLength], spec.initial, `0s and 1s, up to ${spec.maxLength}`),
    range: { min: 1, max: spec.maxLength, step: 1 },
  };
}

/**
 * A step k of a stepper through the sequence x (or, with `over: 'sentence'`, through a sentence's n = words + 1
 * predictions): a whole number 1 ≤ k ≤ n, where `null` (no key in the URL) means the last step n. A step past n (the
 * sequence got shorter) becomes n (normalise.ts); in a link it is refused with a notice.
 */
/*#__NO_SIDE_EFFECTS__*/
export function stepParam<K extends string>(spec: Common<K> & { maxLength: number; over?: StepOver }): Param<number | null, K> {
  const read: FieldSpec = spec.over === undefined ? ['step', spec.maxLength] : ['step', spec.maxLength, spec.over];
  return { ...declare(spec, read, null, '1 to n'), integer: true };
}

/** A sentence of 1 to `maxWords` words, written as lower-case letters and apostrophes separated by spaces. */
/*#__NO_SIDE_EFFECTS__*/
export function sentenceParam<K extends string>(spec: Common<K> & { maxWords: number; initial: string[] }): Param<string[], K> {
  return declare(spec, ['sentence', spec.maxWords], spec.initial, `up to ${spec.maxWords} words of letters a to z`);
}

