import type { Objective } from './objective.ts';

/** The per-step arrays {@link backwardInto} writes, each of length ≥ n + 1, index k = step k. */
export interface BackwardBuffers {
  /** local[k] = ∂E_k/∂s_k (0 where the objective does not score step k); local[0] is not written. */
  readonly local: Float64Array;
  /** delta[k] = δ_k = ∂E/∂s_k; delta[0] = ∂E/∂s_0 = w_rec δ_1. */
  readonly delta: Float64Array;
  /** gradWRec[k] = δ_k s_{k−1}; index 0 is not written. */
  readonly gradWRec: Float64Array;
  /** gradWX[k] = δ_k x_k; index 0 is not written. */
  readonly gradWX: Float64Array;
}

const NO_BUFFERS: BackwardBuffers = {
  local: new Float64Array(0),
  delta: new Float64Array(0),
  gradWRec: new Float64Array(0),
  gradWX: new Float64Array(0),
};

/**
 * The backward kernel: one exact pass of backpropagation through time over a sequence whose states s_0..s_n the
 * forward kernel wrote (n = x.length). ADDS ∂E/∂w_rec to grad[0] and ∂E/∂w_x to grad[1] (so one `grad` can sum a
 * data set), fills the per-step arrays of `into` when given, and returns the sequence's error E, all summed from
 * k = n down. With `chunk` = τ ≥ 1 the pass is cut into consecutive chunks of τ steps (1..τ, τ+1..2τ, …): δ_{k+1} is
 * taken as 0 when step k ends a chunk, so each error reaches back only to the start of its chunk (chunked-delta).
 * Unchecked: callers check first.
 */
export function backwardInto(
  x: ArrayLike<number>,
  s: Float64Array,
  t: ArrayLike<number>,
  wRec: number,
  objective: Objective,
  grad: Float64Array,
  into?: BackwardBuffers,
  chunk = 0,
): number {
  const n = x.length;
  const everyStep = objective === 'every-step';
  const keep = into !== undefined;
  const { local, delta, gradWRec, gradWX } = into ?? NO_BUFFERS;
  let E = 0;
  let dWRec = grad[0];
  let dWX = grad[1];
  let deltaNext = 0; // δ_{n+1} = 0
  // the next step that ends a chunk, going down (-1: never)
  let cut = chunk >= 1 ? n - (n % chunk) : -1;
  // δ_k = ∂E_k/∂s_k + w_rec δ_{k+1}   (bptt-delta-recurrence), with ∂E_k/∂s_k = s_k − t_k where E scores step k   (bptt-local)
  // ∂E/∂w_rec = Σ_k δ_k s_{k-1}   (bptt-grad-wrec);   ∂E/∂w_x = Σ_k δ_k x_k   (bptt-grad-wx)
  for (let k = n; k >= 1; k--) {
    if (k === cut) {
      deltaNext = 0;
      cut -= chunk;
    }
    let e = 0;
    if (everyStep || k === n) {
      e = s[k] - t[k];
      E += 0.5 * e * e;
    }
    const d = e + wRec * deltaNext;
    const gRec = d * s[k - 1];
    const gX = d * x[k - 1];
    if (keep) {
      local[k] = e;
      delta[k] = d;
      gradWRec[k] = gRec;
      gradWX[k] = gX;
    }
    dWRec += gRec;
    dWX += gX;
    deltaNext = d;
  }
  // ∂E/∂s_0 = w_rec δ_1
  if (keep) delta[0] = wRec * deltaNext;
  grad[0] = dWRec;
  grad[1] = dWX;
  return E;
}
