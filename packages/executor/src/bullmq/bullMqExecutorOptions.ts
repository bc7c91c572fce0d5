// Options of the BullMQ producer (the scheduler's side).
import { z } from "zod";
import { compileOptions } from "../compileOptions";
import { redisOptionFields } from "./redisConnection";

/** Options of `BullMqExecutor`. */
export interface BullMqExecutorOptions {
  /**
   * The Redis server.
   * @default "redis://127.0.0.1:6379"
   */
  readonly redisUrl?: string;
  /**
   * Namespace of every key: Airflow queue `etl` lives under `<prefix>:etl:*`. Producers and
   * workers must agree on it.
   * @default "updraft"
   */
  readonly prefix?: string;
}

/** `BullMqExecutorOptions` with every default applied. */
export type CompiledBullMqExecutorOptions = Readonly<Required<BullMqExecutorOptions>>;

const schema = z.strictObject({ ...redisOptionFields });

/** Applies the defaults, checks every option and freezes the result. */
export function compileBullMqExecutorOptions(
  options: BullMqExecutorOptions = {},
): CompiledBullMqExecutorOptions {
  return compileOptions("BullMqExecutor", schema, options);
}
