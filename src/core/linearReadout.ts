/** y = w_outᵀ h + b_out, the linear readout of a state h (adding-readout). Unchecked: w_out and h have one length. */
export function linearReadout(wOut: ArrayLike<number>, bOut: ArrayLike<number>, h: ArrayLike<number>): number {
  let y = bOut[0];
  for (let j = 0; j < wOut.length; j++) y += wOut[j] * h[j];
  return y;
}
