// The live source's heartbeat: inserts sales at a steady rate (a few a minute for a demo,
// thousands a second for a load test) until its AbortSignal aborts. Each tick inserts what the
// elapsed time is due, carrying the fraction, so the rate holds however long a tick takes.
import { performance } from "node:perf_hooks";
import { createRng, type Rng } from "./rng";
import { countUpdates, checkRatio, type SalesReference } from "./salesGenerator";
import type { SourceDb } from "./sourceClient";
import { applyUpdates, insertSales } from "./sourceDatabase";
import { SourceOptionError } from "./sourceOptionError";

/** What one tick did, and the totals so far. */
export interface GeneratorTick {
  readonly at: Date;
  readonly sales: number;
  readonly updates: number;
  readonly totalSales: number;
  readonly totalUpdates: number;
}

/** What a run of the generator did. */
export interface GeneratorTotals {
  readonly sales: number;
  readonly updates: number;
}

/** Options of runGenerator. The schema must exist and hold the reference data. */
export interface GeneratorOptions {
  readonly client: SourceDb;
  /** @default "public" */
  readonly schema?: string;
  /** Sales per minute (100 000 is ~1 667 a second). */
  readonly ratePerMinute: number;
  /** Stops the generator; the tick in progress finishes first. */
  readonly signal: AbortSignal;
  /** Updates per sale, 0..1. @default 0 */
  readonly updateRatio?: number;
  /** @default createRng(Date.now()) */
  readonly rng?: Rng;
  /** Time between ticks. @default 60 000 / ratePerMinute ms, kept within 100 ms – 1 s */
  readonly tickMs?: number;
  /** Called after every tick, sales or not. */
  readonly onTick?: (tick: GeneratorTick) => void;
  /** @default REFERENCE_DATA */
  readonly reference?: SalesReference;
}

const MIN_TICK_MS = 100;
const MAX_TICK_MS = 1000;

/** Resolves after `ms`, or as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

function tickMsFor(options: GeneratorOptions): number {
  const { ratePerMinute, tickMs } = options;
  if (!(Number.isFinite(ratePerMinute) && ratePerMinute > 0))
    throw new SourceOptionError(`ratePerMinute: expected a number > 0, got ${ratePerMinute}`);
  if (tickMs !== undefined && !(Number.isFinite(tickMs) && tickMs > 0))
    throw new SourceOptionError(`tickMs: expected a number > 0, got ${tickMs}`);
  return tickMs ?? Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, 60_000 / ratePerMinute));
}

/** Inserts sales (and updates) at `ratePerMinute` until `signal` aborts; resolves with totals. */
export async function runGenerator(options: GeneratorOptions): Promise<GeneratorTotals> {
  const { client, signal, ratePerMinute, reference } = options;
  const tickMs = tickMsFor(options);
  const updateRatio = options.updateRatio ?? 0;
  checkRatio(updateRatio);
  const rng = options.rng ?? createRng(Date.now());
  const target = { ...(options.schema === undefined ? {} : { schema: options.schema }) };
  let totalSales = 0;
  let totalUpdates = 0;
  let due = 0;
  let last = performance.now();
  while (!signal.aborted) {
    await pause(tickMs, signal);
    if (signal.aborted) break;
    const now = performance.now();
    due += (ratePerMinute * (now - last)) / 60_000;
    last = now;
    const sales = Math.floor(due);
    due -= sales;
    if (sales > 0)
      await insertSales(client, { ...target, count: sales, rng, ...(reference && { reference }) });
    const wanted = countUpdates(rng, sales, updateRatio);
    const applied = await applyUpdates(client, {
      ...target,
      count: wanted,
      rng,
      ...(reference && { reference }),
    });
    const updates = applied.vehiclePrices + applied.clientAddresses;
    totalSales += sales;
    totalUpdates += updates;
    options.onTick?.({ at: new Date(), sales, updates, totalSales, totalUpdates });
  }
  return { sales: totalSales, updates: totalUpdates };
}
