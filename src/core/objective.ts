/** Which error is minimised: 'final' is E = ½ (s_n − t_n)² (bptt-error-final); 'every-step' is E = Σ_{k=1..n} ½ (s_k − t_k)² (bptt-error-every-step). */
export type Objective = 'final' | 'every-step';

/** The objectives in the order pages list them. */
export const OBJECTIVES: readonly Objective[] = ['final', 'every-step'];
