/** A short sample of a racer's line, for its row in a table or legend. */
export function LegendKey({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg class="key" width="22" height="10" aria-hidden="true">
      <line x1="1" x2="21" y1="5" y2="5" stroke={color} stroke-width="3" stroke-dasharray={dash} stroke-linecap="round" />
    </svg>
  );
}
