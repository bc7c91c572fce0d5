// What a test file started, released in reverse order; every release runs even when an
// earlier one fails, and the failures are reported together.
export class Cleanups {
  readonly #steps: Array<() => Promise<void> | void> = [];

  add(step: () => Promise<void> | void): void {
    this.#steps.push(step);
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    while (this.#steps.length > 0) {
      const step = this.#steps.pop()!;
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0)
      throw new AggregateError(errors, "cleaning up the e2e environment failed");
  }
}
