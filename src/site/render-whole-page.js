// Runs before the chapter is parsed (a classic script in <head>). A chapter draws its blocks as they come near the
// viewport, each sized by an estimate until then (see `.prose > *` in global.css); a page that opens away from its top
// must know where its blocks really are to land there: a link to a section or an equation, a reload, or a return
// through the history (which restores the scroll position). Such a page draws every block from the start.
try {
  const navigation = performance.getEntriesByType('navigation')[0];
  const restored = navigation !== undefined && (navigation.type === 'reload' || navigation.type === 'back_forward');
  if (location.hash.length > 1 || restored) document.documentElement.dataset.renderWholePage = '';
} catch {}
