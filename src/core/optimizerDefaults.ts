/*
 * Every optimizer's default hyper-parameters, apart from the update rules that use them: the site's settings and its
 * URL read these on every page with a notebook, and should not have to download the rules to do it.
 */

/** Default hyper-parameters of gradient descent (η suits the counting data set's steep 'final' loss). */
export const GRADIENT_DESCENT_DEFAULTS = { learningRate: 0.001 } as const;

/** Default hyper-parameters of momentum. */
export const MOMENTUM_DEFAULTS = { learningRate: 0.0005, momentum: 0.9 } as const;

/** Default hyper-parameters of Rprop: η+ = 1.2, η− = 0.5 (Riedmiller & Braun 1993), Δ_0 = 0.001, Δ_min = 1e-6, Δ_max = 50. */
export const RPROP_DEFAULTS = { etaPlus: 1.2, etaMinus: 0.5, initialStep: 0.001, minStep: 1e-6, maxStep: 50 } as const;

/**
 * Default hyper-parameters of Adam: β1 = 0.9, β2 = 0.999, ε = 1e-8 (Kingma & Ba 2015), and η = 0.05 for the counting
 * network: from (w_x, w_rec) = (−1.5, 2) its loss falls at every update (4.3e5 → about 1e2 in 500 updates) without
 * being thrown off the cliff, though v̂ remembers the cliff's huge gradients for ~1/(1 − β2) updates and slows it.
 */
export const ADAM_DEFAULTS = { learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
