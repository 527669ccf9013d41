import { describe, expect, it } from 'vitest';
import { RPROP_DEFAULTS, rprop } from '~/core';

describe('rprop (iRprop−)', () => {
  it('rprop grows the step by η+ while the sign holds, moving by −sign(g)·Δ', () => {
    // Δ: 0.1 → 0.12 → 0.144; w_rec: 0 → −0.1 → −0.22 → −0.364
    const opt = rprop({ kind: 'rprop', initialStep: 0.1 });
    let w = opt.step({ wRec: 0, wX: 0 }, 5, 0);
    expect(w.wRec).toBeCloseTo(-0.1, 15);
    w = opt.step(w, 1e-9, 0);
    expect(w.wRec).toBeCloseTo(-0.22, 15);
    w = opt.step(w, 123, 0);
    expect(w.wRec).toBeCloseTo(-0.364, 15);
    expect(w.wX).toBe(0); // g = 0: no move
  });

  it('rprop on a sign change halves the step, does not move that weight, and forgets the gradient', () => {
    const opt = rprop({ kind: 'rprop', initialStep: 0.1 });
    let w = opt.step({ wRec: 0, wX: 0 }, 1, 1); // both move −0.1
    w = opt.step(w, -1, 1); // w_rec: sign change → Δ = 0.05, no move; w_x: Δ = 0.12
    expect(w.wRec).toBeCloseTo(-0.1, 15);
    expect(w.wX).toBeCloseTo(-0.22, 15);
    // stored gradient is 0, so the next step neither grows nor shrinks Δ = 0.05
    w = opt.step(w, -1, 1);
    expect(w.wRec).toBeCloseTo(-0.05, 15);
  });

  it('rprop keeps Δ within [minStep, maxStep]', () => {
    const opt = rprop({ kind: 'rprop', initialStep: 1, maxStep: 1.5, minStep: 0.9 });
    let w = opt.step({ wRec: 0, wX: 0 }, 1, 1);
    w = opt.step(w, 1, 1); // Δ = min(1.2, 1.5) = 1.2
    w = opt.step(w, 1, 1); // Δ = min(1.44, 1.5)
    w = opt.step(w, 1, 1); // Δ = 1.5 (capped)
    expect(w.wRec).toBeCloseTo(-(1 + 1.2 + 1.44 + 1.5), 12);
    w = opt.step(w, -1, 1); // sign change: Δ = max(0.75, 0.9) = 0.9, no move
    w = opt.step(w, -1, 1);
    expect(w.wRec).toBeCloseTo(-(1 + 1.2 + 1.44 + 1.5) + 0.9, 12);
  });

  it('RPROP_DEFAULTS has η+ = 1.2 and η− = 0.5', () => {
    expect(RPROP_DEFAULTS.etaPlus).toBe(1.2);
    expect(RPROP_DEFAULTS.etaMinus).toBe(0.5);
  });
});
