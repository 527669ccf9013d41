import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The width in CSS pixels of the element the returned ref is attached to, followed with a ResizeObserver, so a
 * chart can draw one viewBox unit per pixel and keep its text at its real size on a phone. Until the element is
 * measured (on the server, and in the first render in the browser) it is `fallback`, which keeps hydration stable.
 */
export function useChartWidth<T extends HTMLElement>(fallback: number, min = 260) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = (w: number) => setWidth(Math.max(min, Math.round(w)));
    measure(element.clientWidth || fallback);
    const observer = new ResizeObserver(([entry]) => measure(entry.contentRect.width || fallback));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
