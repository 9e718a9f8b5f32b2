/**
 * The product's mark (public/icon.svg, from which the toolbar icons are rendered): a tick for work
 * delivered and a short red strike for an excuse or a delay.
 */
export function Logo({ size = 18 }: { size?: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 128 128" aria-hidden="true" focusable="false">
      <rect x="6" y="6" width="116" height="116" rx="28" fill="#2155e6" stroke="#c7dcff" stroke-width="6" />
      <path
        d="M30 64 L54 88 L98 38"
        fill="none"
        stroke="#fff"
        stroke-width="16"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
      <path d="M80 98 H100" fill="none" stroke="#ff8a8a" stroke-width="14" stroke-linecap="round" />
    </svg>
  );
}
