import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageNotebook } from '~/notebook/page.ts';
import { decodeQuery } from '~/notebook/url-codec.ts';
import { islandNotebooks } from '../support/page-notebook.ts';

const DIST = 'dist';

/** The page's notebook as the chapter layout built it (every island is handed the same one). */
function pageNotebook(page: string): PageNotebook {
  const all = islandNotebooks(join(DIST, page, 'index.html'));
  expect(all.length).toBeGreaterThan(1);
  for (const other of all) expect(other).toEqual(all[0]);
  return all[0];
}

describe('the page notebook each chapter builds', () => {
  it.each([
    // the linear model's states, its closed form and the unrolled figure
    ['the-model', ['x', 'wRec', 'wX', 'step']],
    // the forward stepper
    ['counting-ones', ['x', 'wRec', 'wX', 'step']],
    // the backward stepper has its own step key; the forward one's is not on this page
    ['backpropagation-through-time', ['x', 'wRec', 'wX', 'objective', 'bpttStep']],
    // the data set, the loss surface and the four racers
    ['training', ['objective', 'seed', 'count', 'length', 'startWRec', 'startWX', 'lambda', 'clip', 'lr', 'mLr', 'beta', 'etaPlus', 'etaMinus', 'step0', 'adamLr', 'adamBeta1', 'adamBeta2']],
    // flow, clipping, truncation, the penalty and the LSTM's flow
    ['vanishing-and-exploding-gradients', ['x', 'wRec', 'wX', 'objective', 'seed', 'count', 'length', 'startWRec', 'startWX', 'n', 'lambda', 'clip', 'tau', 'forget', 'lr']],
  ])('%s holds exactly the keys its cells read, the same notebook in every island', (page, keys) => {
    expect([...pageNotebook(page).keys].sort()).toEqual([...keys].sort());
  });
});

/*
 * Links made before each page had its own notebook: every one decodes to the state it gave then (on the page's keys),
 * with the same notices. Keys of other pages are no longer part of a page's state: a notice names them.
 */
describe('old links decode to the state they gave', () => {
  it.each([
    // the seed's defaults: nothing in the link
    ['the-model', '', {}, 0],
    // weights and a sequence
    ['the-model', '?wRec=0.8', { wRec: 0.8 }, 0],
    ['the-model', '?x=1101&wX=-2', { x: [1, 1, 0, 1], wX: -2 }, 0],
    // the forward stepper's step
    ['counting-ones', '?step=3', { step: 3 }, 0],
    ['counting-ones', '?x=101&step=2', { x: [1, 0, 1], step: 2 }, 0],
    // a step past n keeps its default, with a notice
    ['counting-ones', '?step=20', { step: null }, 1],
    // a bad value keeps its default, key by key
    ['counting-ones', '?wRec=abc&wX=0.5', { wX: 0.5 }, 1],
    // chapter 5: the old `step` is the backward stepper's
    ['backpropagation-through-time', '?step=2', { bpttStep: 2 }, 0],
    ['backpropagation-through-time', '?step=3&objective=final', { bpttStep: 3, objective: 'final' }, 0],
    ['backpropagation-through-time', '?bpttStep=1', { bpttStep: 1 }, 0],
    ['backpropagation-through-time', '?step=9', { bpttStep: null }, 1],
    // chapter 6: the racers' keys keep their names (beta is momentum's μ, step0 Rprop's Δ0)
    ['training', '?lr=0.000001', { lr: 0.000001 }, 0],
    ['training', '?startWX=-1.5&startWRec=0.5&mLr=0.001', { startWX: -1.5, startWRec: 0.5, mLr: 0.001 }, 0],
    ['training', '?beta=0.5&etaPlus=1.5&etaMinus=0.25&step0=0.01', { beta: 0.5, etaPlus: 1.5, etaMinus: 0.25, step0: 0.01 }, 0],
    ['training', '?seed=7&count=5&length=3&objective=every-step', { seed: 7, count: 5, length: 3, objective: 'every-step' }, 0],
    // chapter 7
    ['vanishing-and-exploding-gradients', '?clip=1&lr=0.01&objective=final&startWX=-1.5&startWRec=2', { clip: 1, lr: 0.01, objective: 'final', startWX: -1.5, startWRec: 2 }, 0],
    ['vanishing-and-exploding-gradients', '?n=200&tau=5&lambda=0.1&forget=0.5', { n: 200, tau: 5, lambda: 0.1, forget: 0.5 }, 0],
    // another page's key is not this page's: left out, with a notice naming it
    ['the-model', '?lambda=3&wRec=0.5', { wRec: 0.5 }, 1],
  ])('/%s/%s', (page, query, changed, noticeCount) => {
    const notebook = pageNotebook(page);
    const { state, notices } = decodeQuery(query, notebook, notebook.defaults);
    expect(state).toEqual({ ...notebook.defaults, ...changed });
    expect(notices).toHaveLength(noticeCount);
  });
});
