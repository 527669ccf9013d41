import { readFileSync } from 'node:fs';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import LmBptt from '@components/demos/LmBptt.tsx';
import { lmBpttInitial } from '@components/demos/lmBpttAtBuild.ts';
import { bpttView } from '@components/demos/lmBpttView.ts';
import { SHADES } from '@components/charts/shades.ts';
import { deserializeParams, encode, lmBpttTrace } from '~/core/lm/index.ts';
import { buildPageNotebook } from '~/site/page-notebook.ts';

const { params, dict } = deserializeParams(JSON.parse(readFileSync('public/data/lm-weights.json', 'utf8')));
const words = ['i', 'like', 'french'];
const trace = lmBpttTrace(params, [dict.start, ...encode(dict, words).indices, dict.end]);
const html = renderToString(<LmBptt initial={lmBpttInitial()} notebook={buildPageNotebook(['sentence', 'lmStep'])} />);

describe('LmBptt as the server renders it (the build\'s step k = n over "i like french")', () => {
  it('is the lm-bptt cell, reading the shared sentence and its step', () => {
    expect(html).toContain('data-demo="lm-bptt"');
    expect(LmBptt.cell.params).toEqual(['sentence', 'lmStep']);
    expect(html).toContain('data-quantity="step" data-value="4"');
  });

  it('bpttView(trace, dict, k) holds step k\'s δ, 1 − s², δa and running sums exactly as lmBpttTrace computes them', () => {
    for (const step of trace.steps) {
      const view = bpttView(trace, dict, step.k);
      expect(view.delta).toEqual(Array.from(step.delta));
      expect(view.derivative).toEqual(Array.from(step.derivative));
      expect(view.deltaA).toEqual(Array.from(step.deltaA));
      expect(view.gradWrec).toEqual(Array.from(step.sums.wRec));
      expect(view.gradB).toEqual(Array.from(step.sums.b));
      // the columns of ∂E/∂W_x of the words read: <s>, i, like, french
      expect(view.gradWx.map((c) => c.word)).toEqual(['<s>', ...words]);
      for (const c of view.gradWx) expect(c.values).toEqual(Array.from({ length: params.H }, (_, i) => step.sums.wX[i * params.V + dict.index.get(c.word)!]));
      // the rows of ∂E/∂W_y of the words predicted first (i, like, french, </s>), each with its ∂E/∂b_y last
      expect(view.gradWy.slice(0, 4).map((r) => r.word)).toEqual([...words, '</s>']);
      for (const r of view.gradWy) {
        const v = dict.index.get(r.word)!;
        expect(r.values).toEqual([...Array.from(step.sums.wY.subarray(v * params.H, (v + 1) * params.H)), step.sums.bY[v]]);
      }
    }
  });

  it('keeps the page small: heat maps are a few paths each, and the full tables are made only when opened', () => {
    expect(html).not.toContain('data-quantity="gradWrecSum"');
    expect(html.split('<path').length - 1).toBeLessThan(200);
  });

  it('the first view carries each heat map\'s shades, the sign and size of each value relative to the largest', () => {
    const { shades } = lmBpttInitial();
    const step = trace.steps[0]!;
    const max = Math.max(...Array.from(step.sums.wRec, Math.abs));
    expect(shades.gradWrec).toHaveLength(params.H * params.H);
    shades.gradWrec.forEach((shade, i) => expect(shade - SHADES + 0).toBe(0 + Math.sign(step.sums.wRec[i]!) * Math.round((Math.abs(step.sums.wRec[i]!) / max) * SHADES)));
  });

  it('shows e_n at full precision, the target </s> first, then the words with the largest |e|', () => {
    const e = trace.steps[0]!.outputError;
    const pattern = /data-quantity="outputError" data-step="4" data-word="([^"]*)" data-value="([^"]+)"/g;
    const bars = [...html.matchAll(pattern)].map((m) => ({ word: m[1]!.replace('&lt;', '<').replace('&gt;', '>'), value: Number(m[2]) }));
    expect(bars[0]).toEqual({ word: '</s>', value: e[dict.end] });
    for (const bar of bars) expect(bar.value).toBe(e[dict.index.get(bar.word)!]);
    const sizes = bars.slice(1).map((b) => Math.abs(b.value));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('colours through classes and presentation attributes only: no style attribute', () => {
    expect(html).not.toMatch(/\sstyle=/);
  });
});
