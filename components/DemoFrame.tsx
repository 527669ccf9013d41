import { Component, type ComponentChildren } from 'preact';

interface Props {
  /** The demo's name, set as `data-demo` (the hook tests find it by) and as the id prose links scroll to. */
  name: string;
  /** What the demo shows, for assistive technology. */
  label: string;
  children: ComponentChildren;
}

/**
 * The root of every live cell. It is also an error boundary: a cell that throws while rendering shows the
 * error in its own frame, and the rest of the page keeps working.
 */
export class DemoFrame extends Component<Props, { error?: string }> {
  state: { error?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  componentDidCatch(error: unknown) {
    this.setState({ error: error instanceof Error ? error.message : String(error) });
  }

  render() {
    const { name, label, children } = this.props;
    if (this.state.error !== undefined) {
      return (
        <div class="demo" id={name} data-demo={name} role="group" aria-label={label}>
          <p class="cell-error" role="alert">
            This cell stopped with an error: {this.state.error}. The rest of the page still works; reloading the page
            restarts the cell.
          </p>
        </div>
      );
    }
    return (
      <div class="demo" id={name} data-demo={name} role="group" aria-label={label}>
        {children}
      </div>
    );
  }
}
