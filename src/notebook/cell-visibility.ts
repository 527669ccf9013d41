import { createContext } from 'preact';
import type { ReadonlySignal } from '@preact/signals';

/**
 * Whether the cell an island sits in is on or near the screen, provided by its DemoFrame. Outside a cell (the
 * notebook bar) there is none, and the island follows the page's notebook directly.
 */
export const CellVisibility = createContext<ReadonlySignal<boolean> | null>(null);
