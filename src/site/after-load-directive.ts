import type { ClientDirective } from 'astro';
import { afterFirstPaint } from './after-first-paint.ts';

/**
 * `client:afterload`: hydrates an island once the page has loaded and painted its first frame (its stylesheet, fonts
 * and text done), in a task of its own. For an island at the top of every chapter whose server-rendered view is
 * already right: its scripts then never compete with what the first screen waits for.
 */
const afterLoad: ClientDirective = (load) => {
  afterFirstPaint(async () => {
    await (await load())();
  });
};

export default afterLoad;
