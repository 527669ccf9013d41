import { signal } from '@preact/signals';
import { Component, createRef, type ComponentChildren } from 'preact';
import { CellVisibility } from '~/notebook/cell-visibility.ts';

interface Props {
  /** The demo's name, set as `data-demo` (the hook tests find it by) and as the id prose links scroll to. */
  name: string;
  /** What the demo shows, for assistive technology. */
  label: string;
  children: ComponentChildren;
}

/** How far beyond the viewport, above and below, a cell still counts as on screen (so it is current before it shows). */
const NEAR_SCREEN = '50% 0px';

/**
 * The root of every live cell. It is also an error boundary: a cell that throws while rendering shows the
 * error in its own frame, and the rest of the page keeps working. It tells the islands inside whether the cell is on
 * or near the screen: one that is not leaves the page's state alone until it is (or until the page is printed), so
 * dragging a slider redraws the cells the reader can see, not every cell on the page that shares its key.
 */
export class DemoFrame extends Component<Props, { error?: string }> {
  state: { error?: string } = {};
  private readonly visible = signal(true);
  private readonly root = createRef<HTMLDivElement>();
  private observer?: IntersectionObserver;
  private readonly onBeforePrint = () => {
    this.visible.value = true;
    this.root.current?.removeAttribute('data-off-screen');
  };

  componentDidMount() {
    window.addEventListener('beforeprint', this.onBeforePrint);
    if (typeof IntersectionObserver === 'undefined' || !this.root.current) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          this.visible.value = entry.isIntersecting;
          // marks a cell that is showing an older state (what tests wait on after scrolling to it)
          this.root.current?.toggleAttribute('data-off-screen', !entry.isIntersecting);
        }
      },
      { rootMargin: NEAR_SCREEN },
    );
    this.observer.observe(this.root.current);
  }

  componentWillUnmount() {
    window.removeEventListener('beforeprint', this.onBeforePrint);
    this.observer?.disconnect();
  }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  render() {
    const { name, label, children } = this.props;
    const { error } = this.state;
    return (
      <div class="demo" id={name} data-demo={name} role="group" aria-label={label} ref={this.root}>
        {error === undefined ? (
          <CellVisibility.Provider value={this.visible}>{children}</CellVisibility.Provider>
        ) : (
          <p class="cell-error" role="alert">
            This cell stopped with an error: {error}. The rest of the page still works; reloading the page restarts the
            cell.
          </p>
        )}
      </div>
    );
  }
}
