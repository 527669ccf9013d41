import type { ClientDirective } from 'astro';

/**
 * `client:afterload`: hydrates an island once the page has loaded (its stylesheet, fonts and first paint done), in a
 * task of its own. For an island at the top of every chapter whose server-rendered view is already right: its
 * scripts then never compete with what the first screen waits for.
 */
const afterLoad: ClientDirective = (load) => {
  const hydrate = () =>
    setTimeout(async () => {
      await (await load())();
    }, 0);
  if (document.readyState === 'complete') hydrate();
  else window.addEventListener('load', hydrate, { once: true });
};

export default afterLoad;
