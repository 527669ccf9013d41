/** What a race is run with: the reader's settings; every other setting is the core's ADDING_RACE_DEFAULTS. */
export interface RaceSettings {
  /** T, the time lag (the adding problem's sequence length). */
  readonly T: number;
  readonly seed: number;
  /** Adam updates for each model. */
  readonly updates: number;
}

/** Messages the page sends to the race worker. */
export type RaceCommand =
  | { readonly type: 'start'; readonly settings: RaceSettings }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' };

/** One evaluation: both models' test MSE after the same number of updates. */
export interface RaceEvaluation {
  readonly update: number;
  readonly rnn: number;
  readonly lstm: number;
}

/** Each model's training speed so far: updates per second of training time (test evaluations excluded). */
export interface RaceSpeed {
  readonly rnn: number;
  readonly lstm: number;
}

/** Messages the race worker sends back. */
export type RaceReport =
  | {
      readonly type: 'started';
      readonly settings: RaceSettings;
      /** The test MSE of the best constant prediction on the race's test set (constantPredictorMse): the baseline. */
      readonly baseline: number;
    }
  | {
      readonly type: 'progress';
      /** Evaluations since the last report, in order (the first report starts with update 0, the initial weights). */
      readonly evaluations: readonly RaceEvaluation[];
      readonly speed: RaceSpeed;
    }
  | {
      readonly type: 'done';
      readonly updates: number;
      /** The test MSE after the last update. */
      readonly final: { readonly rnn: number; readonly lstm: number };
      /**
       * For test sequence 0, k = 0 … T (index k): ‖∂E/∂h_k‖ of the trained RNN and ‖∂E/∂c_k‖ of the trained LSTM
       * (stateGradientNorms).
       */
      readonly gradients: { readonly rnn: Float64Array; readonly lstm: Float64Array };
      readonly speed: RaceSpeed;
    }
  | { readonly type: 'paused' | 'resumed' }
  | { readonly type: 'error'; readonly message: string };
