// Wires the header's theme button: it shows and flips the theme, and remembers the reader's choice. Inline at the end
// of the page (a file would be one more request, finished before the first paint and counted against it).
{
  const button = document.querySelector('[data-theme-toggle]');
  if (button) {
    const root = document.documentElement;
    const dark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
    const show = () => button.setAttribute('aria-pressed', String(dark()));
    show();
    button.addEventListener('click', () => {
      const next = dark() ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch {}
      show();
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
  }
}
