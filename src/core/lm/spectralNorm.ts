/**
 * The spectral norm ‖A‖₂ = σ_max(A) = √λ_max(AᵀA) of a small dense matrix, from the eigenvalues of AᵀA by the cyclic
 * Jacobi method (Golub and Van Loan, Matrix Computations, 4th ed., §8.5): plane rotations zero the off-diagonal entries
 * of the symmetric AᵀA one pair at a time until their sum of squares is below 10⁻³⁰ of the whole; the diagonal is
 * then the eigenvalues to about machine precision relative to λ_max. O(C³) per sweep; a few sweeps for C ≤ 256.
 */

/** The most Jacobi sweeps before giving up (convergence is quadratic: 6–10 sweeps are typical). */
const MAX_SWEEPS = 60;

/** The eigenvalues of the symmetric C×C matrix `S` (row-major; overwritten), in no particular order. */
function jacobiEigenvalues(S: Float64Array, C: number): Float64Array {
  let total = 0;
  for (let i = 0; i < C * C; i++) total += S[i] * S[i];
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < C; p++) for (let q = p + 1; q < C; q++) off += 2 * S[p * C + q] * S[p * C + q];
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < C - 1; p++) {
      for (let q = p + 1; q < C; q++) {
        const apq = S[p * C + q];
        if (apq === 0) continue;
        const app = S[p * C + p];
        const aqq = S[q * C + q];
        // the rotation (c, s) with tan 2θ = 2 a_pq / (a_qq − a_pp) that zeroes a_pq; t = tan θ, the smaller root
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // S ← Jᵀ S J with J the rotation in the (p, q) plane: rows and columns p and q change
        for (let r = 0; r < C; r++) {
          const srp = S[r * C + p];
          const srq = S[r * C + q];
          S[r * C + p] = c * srp - s * srq;
          S[r * C + q] = s * srp + c * srq;
        }
        for (let r = 0; r < C; r++) {
          const spr = S[p * C + r];
          const sqr = S[q * C + r];
          S[p * C + r] = c * spr - s * sqr;
          S[q * C + r] = s * spr + c * sqr;
        }
        S[p * C + q] = 0;
        S[q * C + p] = 0;
      }
    }
  }
  const eigenvalues = new Float64Array(C);
  for (let i = 0; i < C; i++) eigenvalues[i] = S[i * C + i];
  return eigenvalues;
}

/** ‖A‖₂, the largest singular value of the R×C matrix A (row-major), via the Jacobi eigenvalues of AᵀA. */
export function spectralNorm(A: ArrayLike<number>, R: number, C: number): number {
  if (!Number.isInteger(R) || R < 1 || !Number.isInteger(C) || C < 1) {
    throw new RangeError(`R and C must be integers ≥ 1, got ${String(R)} and ${String(C)}`);
  }
  if (A.length !== R * C) throw new RangeError(`A must hold R·C = ${R * C} entries, got ${A.length}`);
  // Scaled by its largest entry m first, so that AᵀA neither underflows for a vanishing Jacobian nor overflows: ‖A‖ = m ‖A/m‖.
  let m = 0;
  for (let i = 0; i < A.length; i++) {
    const a = Math.abs(A[i]);
    if (!Number.isFinite(a)) throw new RangeError(`A[${i}] must be a finite number, got ${String(A[i])}`);
    if (a > m) m = a;
  }
  if (m === 0) return 0;
  // S = (A/m)ᵀ (A/m), C×C
  const S = new Float64Array(C * C);
  for (let i = 0; i < C; i++) {
    for (let j = i; j < C; j++) {
      let sum = 0;
      for (let r = 0; r < R; r++) sum += A[r * C + i] * A[r * C + j];
      S[i * C + j] = S[j * C + i] = sum / (m * m);
    }
  }
  let largest = 0;
  for (const lambda of jacobiEigenvalues(S, C)) if (lambda > largest) largest = lambda;
  return m * Math.sqrt(largest);
}
