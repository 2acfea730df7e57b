/** Fleece's mark (the same drawing as build/icon.svg): a fleece cloud that is a chat bubble. */
export function AppMark({ size = 28 }: { size?: number }) {
  return (
    <svg
      className="app-mark"
      width={size}
      height={size}
      viewBox="64 64 896 896"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <linearGradient id="fleece-mark-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#5b7cfa" />
          <stop offset="1" stopColor="#3346c9" />
        </linearGradient>
      </defs>
      <rect x="64" y="64" width="896" height="896" rx="208" fill="url(#fleece-mark-bg)" />
      <g fill="#ffffff">
        <circle cx="372" cy="468" r="132" />
        <circle cx="512" cy="392" r="150" />
        <circle cx="652" cy="468" r="132" />
        <circle cx="430" cy="592" r="120" />
        <circle cx="598" cy="592" r="120" />
        <path d="M360 640 L300 800 L470 690 Z" />
      </g>
      <g fill="#3346c9">
        <circle cx="420" cy="520" r="30" />
        <circle cx="512" cy="520" r="30" />
        <circle cx="604" cy="520" r="30" />
      </g>
    </svg>
  );
}
