import { useEffect, useState } from 'preact/hooks';
import type { PageNotebook } from '~/notebook/page.ts';
import { decodeQuery } from '~/notebook/url-codec.ts';
import { usePageNotebook } from '~/notebook/use-page-notebook.ts';

interface Props {
  /** The page's notebook, built by the chapter layout. */
  notebook: PageNotebook;
}

/** The page's notebook controls: notices about the link it was opened with, "Copy link" and "Restore defaults". */
export default function NotebookBar({ notebook: page }: Props) {
  const notebook = usePageNotebook(page, page.keys);
  const [copied, setCopied] = useState('');
  // Prose links that set the state (StateLink) are applied in place rather than reloading the page.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[data-notebook-link]');
      if (!(link instanceof HTMLAnchorElement) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      const { state } = decodeQuery(new URL(link.href).search, notebook.page, notebook.snapshot());
      notebook.set(state);
      const target = document.getElementById(link.dataset.target ?? '') ?? document.querySelector(`[data-demo="${link.dataset.target}"]`);
      target?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [notebook]);
  const copy = async () => {
    const link = notebook.link();
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied: it reopens this page with the values you set.');
    } catch {
      setCopied(`Copy this link: ${link}`);
    }
  };
  const restore = () => {
    notebook.reset();
    notebook.notices.value = [];
    setCopied('Every cell is back at the page defaults.');
  };
  return (
    <div class="notebook-bar" role="group" aria-label="Notebook state">
      <span>This page is a notebook: its cells share one state, kept in the address bar.</span>
      <button type="button" onClick={copy}>Copy link</button>
      <button type="button" onClick={restore}>Restore defaults</button>
      <span role="status" aria-live="polite">{copied}</span>
      <div role="status" aria-live="polite" class="notices">
        {notebook.notices.value.map((notice) => (
          <p class="notice" key={notice}>{notice}</p>
        ))}
      </div>
    </div>
  );
}
