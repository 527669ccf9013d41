import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The rendered width of an element in CSS pixels, followed with a ResizeObserver, so an SVG can be drawn at
 * its real size (text stays legible on a phone). `fallback` is used on the server and before the first measure.
 */
export function useElementWidth<E extends Element>(fallback: number) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry!.contentRect.width);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
