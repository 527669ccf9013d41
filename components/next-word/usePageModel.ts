import { useEffect, useState } from 'preact/hooks';
import { currentModel, loadShippedModel, type PageModel } from '../demos/nextWordModel.ts';

/**
 * The next-word model a cell uses, starting the page's one fetch of the shipped weights. `model` is undefined on
 * the server, in the first render in the browser (so hydration matches the build) and until weights are ready.
 */
export function usePageModel(): { mounted: boolean; model: PageModel | undefined } {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    setMounted(true);
    void loadShippedModel();
  }, []);
  return { mounted, model: mounted ? currentModel() : undefined };
}
