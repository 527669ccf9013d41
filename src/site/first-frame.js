// Runs before the chapter is parsed (a classic script in <head>). A chapter draws its blocks as they come near the
// viewport, each sized by an estimate until then (see `.prose > *` in global.css). How it starts:
// - A page that opens away from its top must know where its blocks really are to land there: a link to a section or
//   an equation, a reload, or a return through the history (which restores the scroll position). Such a page draws
//   every block from the start (data-render-whole-page).
// - Any other page draws its first frame, on a phone, from the chapter's opening alone (data-opening-first): the
//   blocks after its first section heading are drawn from the next frame on. Otherwise the first frame holds whatever
//   the parser has reached when the stylesheet arrives, and the math of the first section, near the viewport, sends
//   for the KaTeX faces it adds before the opening is on screen.
try {
  const root = document.documentElement;
  const navigation = performance.getEntriesByType('navigation')[0];
  const restored = navigation !== undefined && (navigation.type === 'reload' || navigation.type === 'back_forward');
  if (location.hash.length > 1 || restored) {
    root.dataset.renderWholePage = '';
  } else {
    root.dataset.openingFirst = '';
    const drawRest = () => {
      delete root.dataset.openingFirst;
    };
    // Once the first frame with content is on screen; a browser without paint timing after two frames, and every
    // browser within three seconds (a frame that waits longer for the stylesheet may as well draw everything).
    const timeout = setTimeout(drawRest, 3000);
    const done = () => {
      clearTimeout(timeout);
      drawRest();
    };
    if (PerformanceObserver.supportedEntryTypes.includes('paint')) {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(() => requestAnimationFrame(done));
    }
  }
} catch {
  delete document.documentElement.dataset.openingFirst;
}
