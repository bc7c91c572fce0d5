// The browser's EventSource, as far as useLiveEvents uses it: a test installs it on globalThis
// and plays the server's events with `emit`.
import { act } from "@testing-library/react";

export class FakeEventSource {
  static readonly instances: FakeEventSource[] = [];
  closed = false;
  readonly #listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  /** The server sends an event. */
  emit(type: string, data: unknown = {}): void {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    act(() => {
      for (const listener of this.#listeners.get(type) ?? []) listener(event);
    });
  }
}

/** Installs the fake for each test of the file it is called in, with no sources yet. */
export function installFakeEventSource(): void {
  beforeEach(() => {
    FakeEventSource.instances.length = 0;
    Object.assign(globalThis, { EventSource: FakeEventSource });
  });
  afterEach(() => Reflect.deleteProperty(globalThis, "EventSource"));
}
