// What jsdom lacks and the UI uses: Testing Library's matchers, ResizeObserver (React Flow),
// matchMedia (the theme), <dialog>'s showModal/close.
import "@testing-library/jest-dom";

// The end-to-end tests (test/e2e) run in node and drive a real Chromium: no DOM to complete there.
if (typeof window !== "undefined") completeJsdom();

function completeJsdom(): void {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(globalThis, { ResizeObserver: globalThis.ResizeObserver ?? NoResizeObserver });

  if (typeof window.matchMedia !== "function")
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;

  const dialog = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  dialog.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  dialog.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };

  afterEach(() => localStorage.clear());
}
