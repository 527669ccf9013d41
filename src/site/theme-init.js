// Runs before first paint (a classic script in <head>) so the page never flashes the wrong theme.
try {
  const saved = localStorage.getItem('theme');
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
} catch {}
