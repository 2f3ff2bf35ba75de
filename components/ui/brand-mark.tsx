/** The shop's mark (the same drawing as app/icon.svg and the favicon); decorative next to the name. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M12 12.5V11a4 4 0 0 1 8 0v1.5" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <path d="M8.5 12.5h15l-1.2 11.3a2 2 0 0 1-2 1.7h-8.6a2 2 0 0 1-2-1.7z" fill="#fff" />
    </svg>
  );
}
