/**
 * Runs `then` in a task of its own once the page has loaded and its first contentful frame is on screen. The load
 * event can come before that frame (a chapter's first frame lays out a lot): scripts fetched in between compete with
 * it. A browser that reports no paint timing gets `then` three seconds after the load event at the latest.
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
  void loaded.then(painted).then(() => setTimeout(then, 0));
}
