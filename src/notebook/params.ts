import { RACERS, type RacerParamKey } from './optimizers.ts';
import type { Param } from './param.ts';
import * as model from './params/model.ts';
import * as training from './params/training.ts';
import * as race from './params/race.ts';
import * as lstmCheck from './params/lstmCheck.ts';
import * as nextWord from './params/nextWord.ts';
import * as lmCheck from './params/lmCheck.ts';

/*
 * Every parameter a page's cells can share, gathered by key for the build (the chapter schema, the page's notebook)
 * and the tests. Each is declared once, in its group under params/ or as a racer's in optimizers.ts; cells import the
 * declarations they show controls for from there (model.ts for chapters 3–5, training.ts for 6–7), so a page
 * downloads little beyond its own.
 */

const { x, wRec, wX, objective, step, bpttStep } = model;
const { seed, count, length, startWRec, startWX, n, lambda, clip, tau, forget } = training;
const { lag, raceSeed, updates } = race;
const { checkT, checkH, checkSeed } = lstmCheck;
const { sentence, lmStep } = nextWord;
const { lmCheckSeed } = lmCheck;
const BASE_PARAMS = { x, wRec, wX, objective, step, bpttStep, seed, count, length, startWRec, startWX, n, lambda, clip, tau, forget, lag, raceSeed, updates, checkT, checkH, checkSeed, sentence, lmStep, lmCheckSeed };

type RacerParams = { readonly [K in RacerParamKey]: Param<number, K> };

/** Every parameter, keyed by its URL key: the page's own ones and each racer's hyper-parameters. */
export const PARAMS = {
  ...BASE_PARAMS,
  ...(Object.fromEntries(RACERS.flatMap((racer) => racer.params.map((param) => [param.key, param]))) as RacerParams),
};

/** A parameter's key. */
export type ParamKey = keyof typeof PARAMS;

/** The value type of the parameter with key K. */
export type ParamValue<K extends ParamKey> = (typeof PARAMS)[K] extends Param<infer T, string> ? T : never;

/** A full notebook state: one value per parameter. */
export type NotebookState = { [K in ParamKey]: ParamValue<K> };

/** Every parameter key, in declaration order. */
export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

/** Whether `key` names a declared parameter. */
export function isParamKey(key: string): key is ParamKey {
  return Object.hasOwn(PARAMS, key);
}

/** A parameter's declaration, typed by its key. */
export function param<K extends ParamKey>(key: K): Param<ParamValue<K>, K> {
  return PARAMS[key] as unknown as Param<ParamValue<K>, K>;
}
