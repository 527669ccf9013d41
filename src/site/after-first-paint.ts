/**
 * Runs `then` in a task of its own once the page has loaded, its first contentful frame is on screen, and the fonts
 * that frame asked for have arrived and been drawn. The load event can come before the first frame (a chapter's first
 * frame lays out a lot), and the first screen's math is drawn a frame after its fonts arrive, which can be after the
 * first frame: scripts fetched before then compete with what the reader is waiting for. A browser that reports no
 * paint timing gets `then` three seconds after the load event at the latest, and one that draws no frame (a tab in
 * the background) a moment after its fonts.
 *
 * Self-contained (no imports, no module state): the pages' inline loader of the island runtime is this function's own
 * source (src/integrations/island-runtime-file.ts).
 */
export function afterFirstPaint(then: () => void): void {
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  const painted = () =>
    new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, 3000);
      const done = () => {
        clearTimeout(timeout);
        resolve();
      };
      try {
        const observer = new PerformanceObserver((list) => {
          if (list.getEntriesByName('first-contentful-paint').length === 0) return;
          observer.disconnect();
          done();
        });
        observer.observe({ type: 'paint', buffered: true });
      } catch {
        done();
      }
    });
  const drawn = () =>
    new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, 100);
      requestAnimationFrame(() => {
        clearTimeout(timeout);
        setTimeout(resolve, 0);
      });
    });
  void loaded
    .then(painted)
    .then(() => document.fonts.ready)
    .then(drawn)
    .then(() => setTimeout(then, 0));
}
