import { effect, signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { notebookView, staticNotebook } from '~/notebook/notebook.ts';
import { buildPageNotebook } from '~/site/page-notebook.ts';

/** A page whose cells read the weights, the sequence and the gradient-flow length. */
const page = buildPageNotebook(['x', 'wRec', 'wX', 'n']);
const pageDefaults = () => page.defaults;

/** A page notebook at the site's defaults, one cell's view of it, and the view's `follow` switch. */
function setup(following = true) {
  const live = staticNotebook(page);
  const follow = signal(following);
  const { notebook: view, dispose } = notebookView(live, page.keys, follow);
  return { live, follow, view, dispose };
}

describe('notebookView', () => {
  it('while following, shows every change made to the page notebook at once', () => {
    const { live, view } = setup();
    live.state.wRec.value = 0.5;
    live.set({ wX: -2, n: 7 });
    expect(view.state.wRec.value).toBe(0.5);
    expect(view.state.wX.value).toBe(-2);
    expect(view.snapshot()).toEqual(live.snapshot());
  });

  it('while not following, holds its last state and does not re-run what reads it; catches up when following again', () => {
    const { live, follow, view } = setup();
    let runs = 0;
    effect(() => {
      void view.state.wRec.value;
      runs++;
    });
    expect(runs).toBe(1);
    follow.value = false;
    live.state.wRec.value = 2.5;
    live.state.wRec.value = -1;
    // nothing that reads the view ran again, and it still shows the old value
    expect(runs).toBe(1);
    expect(view.state.wRec.value).toBe(pageDefaults().wRec);
    follow.value = true;
    // one catch-up, to the page's current value
    expect(view.state.wRec.value).toBe(-1);
    expect(runs).toBe(2);
  });

  it('writes go to the page notebook, followed or not, and a cell that is not following still shows its own write', () => {
    const { live, follow, view } = setup();
    view.state.wX.value = 0.25;
    expect(live.state.wX.value).toBe(0.25);
    follow.value = false;
    view.state.wX.value = 0.75;
    expect(live.state.wX.value).toBe(0.75);
    expect(view.state.wX.value).toBe(0.75);
    view.set({ wRec: 1.5 });
    expect(live.state.wRec.value).toBe(1.5);
    expect(view.state.wRec.value).toBe(1.5);
    view.reset();
    expect(live.snapshot()).toEqual(pageDefaults());
    expect(view.snapshot()).toEqual(pageDefaults());
  });

  it('after dispose, no longer follows the page notebook', () => {
    const { live, view, dispose } = setup();
    dispose();
    live.state.wRec.value = 2;
    expect(view.state.wRec.value).toBe(pageDefaults().wRec);
  });

  it('starts at the page notebook\'s current state even when created off screen', () => {
    const live = staticNotebook(page);
    live.state.n.value = 123;
    const { notebook: view } = notebookView(live, page.keys, signal(false));
    expect(view.state.n.value).toBe(123);
    expect(view.link()).toBe(live.link());
    expect(view.notices).toBe(live.notices);
  });
});
