export function Loading({ what }: { readonly what?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      Loading{what === undefined ? "" : ` ${what}`}…
    </div>
  );
}
