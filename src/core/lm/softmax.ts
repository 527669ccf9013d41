/**
 * Writes y = softmax(z / T) into `out` and returns log Σ_v exp(z_v / T), so that −log y_v = that − z_v / T.
 * With m = max_v z_v, y_v = exp((z_v − m) / T) / Σ_u exp((z_u − m) / T): subtracting the max first keeps
 * every exponent ≤ 0, so a small temperature T gives a one-hot vector instead of Infinity / Infinity.
 */
export function softmaxInto(z: ArrayLike<number>, out: Float64Array, temperature = 1): number {
  checkTemperature(temperature);
  const V = z.length;
  let m = -Infinity;
  for (let v = 0; v < V; v++) if (z[v] > m) m = z[v];
  // y_v ∝ exp((z_v − m) / T)   (lm-temperature; T = 1 is lm-output)
  let sum = 0;
  for (let v = 0; v < V; v++) {
    const e = Math.exp((z[v] - m) / temperature);
    out[v] = e;
    sum += e;
  }
  for (let v = 0; v < V; v++) out[v] /= sum;
  return m / temperature + Math.log(sum);
}

/** softmax(z / T) as a new Float64Array of probabilities summing to 1 (T > 0, default 1). */
export function softmax(z: ArrayLike<number>, temperature = 1): Float64Array {
  if (z.length === 0) throw new RangeError('z must hold at least one logit, got an empty array');
  for (let v = 0; v < z.length; v++) {
    if (!Number.isFinite(z[v])) throw new RangeError(`z[${v}] must be a finite number, got ${String(z[v])}`);
  }
  const out = new Float64Array(z.length);
  softmaxInto(z, out, temperature);
  return out;
}

/** Throws a RangeError unless the temperature is a finite number > 0. */
export function checkTemperature(temperature: number): void {
  if (typeof temperature !== 'number' || !(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`temperature must be a finite number > 0, got ${String(temperature)}`);
  }
}
