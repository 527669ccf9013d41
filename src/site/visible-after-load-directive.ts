import type { ClientDirective } from 'astro';
import { afterFirstPaint } from './after-first-paint.ts';

/**
 * `client:visibleafterload`: hydrates an island when it comes into view, but not before the page has loaded and
 * painted its first frame. Astro's `client:visible` starts fetching an island's scripts as soon as the first layout
 * finds it in view, so on a phone the scripts of the first screen's cells compete with the stylesheet, fonts and text
 * that frame is waiting for; here the server-rendered cell is on screen first, and comes alive a frame later.
 * Takes the same `rootMargin` option as `client:visible`.
 */
const visibleAfterLoad: ClientDirective = (load, options, el) => {
  const rootMargin = typeof options.value === 'object' && options.value !== null ? (options.value as { rootMargin?: string }).rootMargin : undefined;
  const observe = () => {
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        io.disconnect();
        void load().then((hydrate) => hydrate());
      },
      { rootMargin },
    );
    for (const child of el.children) io.observe(child);
  };
  afterFirstPaint(observe);
};

export default visibleAfterLoad;
