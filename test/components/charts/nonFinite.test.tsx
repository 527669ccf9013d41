import fc from 'fast-check';
import { Window } from 'happy-dom';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ContourMap } from '@components/charts/ContourMap.tsx';
import { EpochLossCurve } from '@components/charts/EpochLossCurve.tsx';
import { LossCurve } from '@components/charts/LossCurve.tsx';
import { SignedLogChart } from '@components/charts/SignedLogChart.tsx';
import { StateChart } from '@components/charts/StateChart.tsx';
import { TestMseChart } from '@components/charts/TestMseChart.tsx';
import { InputWeightBars } from '@components/figures/InputWeightBars.tsx';
import { UnrolledGraph } from '@components/figures/UnrolledGraph.tsx';

// Every chart is rendered on the server, as the page's first paint is, from random values that mix ordinary numbers
// with ±∞, NaN, ±1e308 (finite, but max − min overflows) and exact zeros.

const special = fc.constantFrom(Infinity, -Infinity, NaN, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 0, Number.MIN_VALUE);
const value = fc.oneof(special, fc.double(), fc.double({ min: -1000, max: 1000, noNaN: true }));
const values = fc.array(value, { minLength: 1, maxLength: 40 });
/** Losses and MSEs: mostly positive, with the same special values. */
const loss = fc.oneof(special, fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, noNaN: true }));
const losses = fc.array(loss, { minLength: 1, maxLength: 40 });
/** Each run parses the markup with happy-dom (tens of ms): enough runs to meet every special value many times. */
const RUNS = { numRuns: 60 };
const SLOW = { timeout: 120_000 };

/** One template, refilled for every render: new ones would each stay alive in the window. */
const template = new Window().document.createElement('template');

/** The rendered markup as a DOM fragment (valid until the next call). */
function parse(html: string) {
  template.innerHTML = html;
  return template.content;
}

/** Attributes that carry a value at full precision for tests and scripts (`Number` reads "Infinity" and "NaN" back). */
const DATA_HOOKS = new Set(['data-value', 'data-values']);

/**
 * Asserts that no drawing attribute (anywhere in the output) holds NaN, Infinity or undefined, and that no text
 * drawn inside an SVG reads NaN or undefined. Data hooks may say "Infinity" or "NaN" (that is the exact value), never
 * "undefined".
 */
function expectClean(html: string, options: { svgText?: boolean } = {}) {
  const root = parse(html);
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value: text } of Array.from(element.attributes)) {
      const where = `<${element.tagName.toLowerCase()} ${name}="${text}">`;
      expect(text, where).not.toContain('undefined');
      if (DATA_HOOKS.has(name)) continue;
      expect(text, where).not.toContain('NaN');
      expect(text, where).not.toContain('Infinity');
    }
  }
  if (options.svgText !== false) {
    for (const svg of root.querySelectorAll('svg')) {
      expect(svg.textContent).not.toMatch(/NaN|undefined/);
    }
  }
  return root;
}

/** The text outside the charts' SVG: where a reader finds the explanation of what is not drawn. */
function wordsBeside(root: ReturnType<typeof parse>): string {
  const copy = root.cloneNode(true) as ReturnType<typeof parse>;
  for (const svg of copy.querySelectorAll('svg')) svg.remove();
  return copy.textContent ?? '';
}

/** The vertices of an SVG path made of M and L commands (d3's line). */
const vertices = (d: string | null) => (d ?? '').match(/[ML]/g)?.length ?? 0;

const finiteCount = (vs: ArrayLike<number>) => Array.from(vs).filter(Number.isFinite).length;
const allFinite = (vs: ArrayLike<number>) => finiteCount(vs) === vs.length;

/** Renders and checks the three promises: clean attributes, a mark per finite value, words when one is not finite. */
function check(vnode: VNode, finite: boolean, marks: (root: ReturnType<typeof parse>) => void, options?: { svgText?: boolean }) {
  const root = expectClean(renderToString(vnode), options);
  marks(root);
  if (!finite) expect(wordsBeside(root)).toMatch(/not finite/i);
}

describe('charts given values that are not finite or near the largest double', SLOW, () => {
  it('InputWeightBars: a bar with finite y and height for every finite weight, words for the others', () => {
    fc.assert(
      fc.property(values, (weights) => {
        const x = weights.map((_, i) => i % 2);
        check(<InputWeightBars weights={weights} x={x} description="Bars." />, allFinite(weights), (root) => {
          const bars = Array.from(root.querySelectorAll('rect[data-quantity="input-weight"]'));
          const drawn = bars.filter((bar) => Number.isFinite(Number(bar.getAttribute('data-value'))));
          expect(drawn).toHaveLength(finiteCount(weights));
          for (const bar of drawn) {
            expect(Number.isFinite(Number(bar.getAttribute('y')))).toBe(true);
            expect(Number(bar.getAttribute('height'))).toBeGreaterThanOrEqual(0);
          }
        });
      }),
      RUNS,
    );
  });

  it('StateChart: a vertex and a dot for every finite value of every series, words for the others', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const series = [
          { values: a, label: 'a', color: 'var(--c1)' },
          { values: b, label: 'b', color: 'var(--c2)', dashed: true },
        ];
        check(<StateChart series={series} description="States." yLabel="s_k" />, allFinite(a) && allFinite(b), (root) => {
          const groups = Array.from(root.querySelectorAll('svg > g')).filter((g) => g.querySelector(':scope > path'));
          expect(groups.map((g) => vertices(g.querySelector('path')!.getAttribute('d')))).toEqual([finiteCount(a), finiteCount(b)]);
          expect(groups.map((g) => g.querySelectorAll('circle').length)).toEqual([finiteCount(a), finiteCount(b)]);
        });
      }),
      RUNS,
    );
  });

  it('SignedLogChart: a marker for every value but NaN (±∞ on the ∞ row, 0 on the 0 row), words for the others', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const style = { color: 'var(--c1)', shape: 'circle' as const, label: 'positive' };
        const series = [{ values: vs, label: 'v', quantity: 'v', positive: style, negative: { ...style, shape: 'square' as const, label: 'negative' } }];
        check(<SignedLogChart series={series} description="Values." yLabel="|v|" />, allFinite(vs), (root) => {
          const markers = Array.from(root.querySelectorAll('path.markers'), (path) => (path.getAttribute('d') ?? '').match(/M/g)?.length ?? 0);
          expect(markers.reduce((sum, m) => sum + m, 0)).toBe(vs.filter((v) => !Number.isNaN(v)).length);
        });
      }),
      RUNS,
    );
  });

  it('LossCurve: a vertex for every finite loss, words for the others', () => {
    fc.assert(
      fc.property(losses, loss, (ls, top) => {
        const series = [{ key: 'a', label: 'a', losses: Float64Array.from(ls), count: ls.length, color: 'var(--c1)' }];
        // The top of the axis comes from the first loss, which may itself have overflowed.
        check(<LossCurve series={series} limit={ls.length} top={top} description="Losses." />, allFinite(ls), (root) => {
          const curve = Array.from(root.querySelectorAll('svg > path'));
          expect(curve.map((path) => vertices(path.getAttribute('d')))).toEqual([finiteCount(ls)]);
        });
      }),
      RUNS,
    );
  });

  it('EpochLossCurve: a vertex for every finite step loss and a dot for every finite epoch loss, words for the others', () => {
    fc.assert(
      fc.property(losses, losses, loss, (steps, epochLosses, reference) => {
        const epochs = epochLosses.map((l, i) => ({ epoch: i + 1, loss: l }));
        const props = { stepLabel: 'step', epochLabel: 'epoch', yLabel: 'loss', description: 'Loss curve.' };
        const finite = allFinite(steps) && allFinite(epochLosses) && Number.isFinite(reference);
        check(
          <EpochLossCurve {...props} stepLosses={steps} stepsPerEpoch={1} epochs={epochs} totalEpochs={Math.max(steps.length, epochs.length)} reference={{ value: reference, label: 'reference' }} />,
          finite,
          (root) => {
            const paths = Array.from(root.querySelectorAll('svg > path'), (path) => vertices(path.getAttribute('d')));
            expect(paths).toEqual([finiteCount(steps), finiteCount(epochLosses)].filter((c) => c > 0));
            expect(root.querySelectorAll('circle[data-quantity="epoch-loss"]')).toHaveLength(finiteCount(epochLosses));
          },
        );
      }),
      RUNS,
    );
  });

  it('TestMseChart: a vertex for every finite value, words for the others', () => {
    fc.assert(
      fc.property(losses, losses, fc.option(loss), (a, b, baseline) => {
        const series = [a, b].map((vs, i) => ({
          key: String(i),
          label: String(i),
          quantity: `mse-${i}`,
          updates: vs.map((_, u) => u * 50),
          values: vs,
          color: 'var(--c1)',
        }));
        const finite = allFinite(a) && allFinite(b) && (baseline === null || Number.isFinite(baseline));
        check(
          <TestMseChart series={series} limit={50 * 40} baseline={baseline === null ? null : { value: baseline, label: 'baseline' }} description="MSE." />,
          finite,
          (root) => {
            const paths = Array.from(root.querySelectorAll('[data-quantity^="mse-"] > path'), (path) => vertices(path.getAttribute('d')));
            expect(paths).toEqual([finiteCount(a), finiteCount(b)]);
          },
        );
      }),
      RUNS,
    );
  });

  it('ContourMap: clean attributes for any losses on the grid, words when some are not finite', () => {
    fc.assert(
      fc.property(fc.array(loss, { minLength: 12, maxLength: 12 }), (grid) => {
        const surface = { values: Float64Array.from(grid), wX: Float64Array.from([-1, 0.5, 2]), wRec: Float64Array.from([-1, 0, 1, 2]) };
        check(<ContourMap surface={surface} description="Loss surface." />, allFinite(grid), () => {});
      }),
      // A loss near 1e308 makes over 600 contour levels: fewer runs.
      { numRuns: 20 },
    );
  });

  it('UnrolledGraph: clean attributes and a node value for every value it shows', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const x = vs.slice(1).map(() => 1);
        // The node text is the site's formatter's ("∞", "undefined" for NaN), as in the states table: only attributes are checked.
        const html = renderToString(<UnrolledGraph values={vs} x={x} label="The network" />);
        const root = expectClean(html, { svgText: false });
        const shown = Array.from(root.querySelectorAll('[data-quantity="graph-s"]'), (node) => Number(node.getAttribute('data-value')));
        expect(shown.length).toBeGreaterThan(0);
        // String(−0) is "0": compare with ===, and NaN with NaN.
        for (const v of shown) expect(vs.some((u) => u === v || (Number.isNaN(u) && Number.isNaN(v)))).toBe(true);
      }),
      RUNS,
    );
  });
});
