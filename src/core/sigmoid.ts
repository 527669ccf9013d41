/** The logistic function σ(a) = 1 / (1 + e^{−a}), the LSTM's gate squashing function (lstm-gates). */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}
