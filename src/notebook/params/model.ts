import { OBJECTIVES, type Objective } from '~/core/objective.ts';
import { choiceParam, realParam, sequenceParam, stepParam, type Param } from '../param.ts';

// The linear model's parameters: its input sequence, the steppers' steps, its weights and its error (chapters 3–5).

/** The longest input sequence a page accepts (the core's own bound is far larger: this one keeps cells responsive). */
export const PAGE_SEQUENCE_LIMIT = 1000;

/** The seed article's sequence: twelve steps, five of them ones, so the count is 5. */
export const SEED_SEQUENCE = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];

/** The input sequence x_1..x_n. */
export const x = sequenceParam({ key: 'x', label: 'Input sequence', symbol: { base: 'x' }, name: 'x', maxLength: PAGE_SEQUENCE_LIMIT, initial: SEED_SEQUENCE });

/** The forward stepper's step k (chapter 4). */
export const step = stepParam({ key: 'step', label: 'step', symbol: { base: 'k' }, name: 'step k', maxLength: PAGE_SEQUENCE_LIMIT });

/** The backward stepper's step k (chapter 5), from n down to 1; links made before it had a key of its own used `step`. */
export const bpttStep = stepParam({ key: 'bpttStep', label: 'backward step', symbol: { base: 'k' }, name: 'step k', maxLength: PAGE_SEQUENCE_LIMIT, aliases: ['step'] });

/** The range every weight slider and URL value is held to. */
export const WEIGHT_RANGE = { min: -3, max: 3 } as const;

/** A weight: a slider over WEIGHT_RANGE. */
/*#__NO_SIDE_EFFECTS__*/
export function weight<K extends string>(key: K, symbol: Param<number>['symbol'], name: string, initial: number, label = ''): Param<number, K> {
  return realParam({ key, symbol, name, label, initial, control: 'slider', ...WEIGHT_RANGE });
}

/** The recurrent weight w_rec. */
export const wRec = weight('wRec', { base: 'w', sub: 'rec' }, 'w rec', 1);
/** The input weight w_x. */
export const wX = weight('wX', { base: 'w', sub: 'x' }, 'w x', 1);

/** Which error E is minimised: the final step's or the sum over every step. */
export const objective = choiceParam({ key: 'objective', label: 'Error', symbol: { base: 'E' }, name: 'objective', choices: OBJECTIVES, initial: 'final' as Objective });
