// Bench-side instrumentation, nothing in src: a SqlClient that times every statement by its text,
// and CPU accounting per process and for the whole machine.
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import type { SqlClient } from "@updraft/store";
import { round } from "./stats";

/** Time spent per statement (keyed by its first words), since the last reset. */
export class SqlTimings {
  #byStatement = new Map<string, { calls: number; ms: number; rows: number }>();

  reset(): void {
    this.#byStatement = new Map();
  }

  record(text: string, ms: number, rows: number): void {
    const key = text.replace(/\s+/g, " ").trim().slice(0, 70);
    const entry = this.#byStatement.get(key) ?? { calls: 0, ms: 0, rows: 0 };
    entry.calls += 1;
    entry.ms += ms;
    entry.rows += rows;
    this.#byStatement.set(key, entry);
  }

  /** The `n` statements with the most total time. */
  top(
    n: number,
  ): Record<string, { calls: number; "total ms": number; "avg ms": number; rows: number }> {
    return Object.fromEntries(
      [...this.#byStatement]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, n)
        .map(([k, v]) => [
          k,
          {
            calls: v.calls,
            "total ms": Math.round(v.ms),
            "avg ms": round(v.ms / v.calls),
            rows: v.rows,
          },
        ]),
    );
  }

  totalMs(): number {
    let total = 0;
    for (const v of this.#byStatement.values()) total += v.ms;
    return total;
  }
}

/** A file every timed statement is appended to (pid, epoch ms, ms taken, text), for timelines. */
const TRACE_FILE = process.env.BENCH_SQL_TRACE;

function trace(started: number, text: string, rows = 0): void {
  if (TRACE_FILE === undefined) return;
  const at = (performance.timeOrigin + started).toFixed(2);
  const took = (performance.now() - started).toFixed(2);
  appendFileSync(
    TRACE_FILE,
    `${process.pid} ${at} ${took} ${rows} ${text.replace(/\s+/g, " ").slice(0, 70)}\n`,
  );
}

/** `client` with every query and exec timed into `timings`, inside transactions too. */
export function timedClient(client: SqlClient, timings: SqlTimings): SqlClient {
  return {
    dialect: client.dialect,
    async query(text, params) {
      const started = performance.now();
      const result = await client.query(text, params);
      const rows = result.rowCount || result.rows.length;
      trace(started, text, rows);
      timings.record(text, performance.now() - started, rows);
      return result as never;
    },
    async exec(script) {
      const started = performance.now();
      await client.exec(script);
      timings.record(script, performance.now() - started, 0);
    },
    transaction: (work, options) =>
      client.transaction((tx) => work(timedClient(tx, timings)), options),
    listen: (channel, handler) => client.listen(channel, handler),
    close: () => client.close(),
  };
}

/** Busy and total CPU milliseconds of the whole machine since boot. */
export function machineCpuMs(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const t = cpu.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

/** What the machine was busy with since `from` (a machineCpuMs reading): CPU ms and % of all. */
export function machineBusySince(from: { busy: number; total: number }): {
  busyMs: number;
  busyPct: number;
} {
  const to = machineCpuMs();
  const busyMs = to.busy - from.busy;
  return { busyMs, busyPct: (100 * busyMs) / Math.max(1, to.total - from.total) };
}

/**
 * Ticks of the whole machine the hypervisor ran other guests in (steal) and all ticks, from
 * /proc/stat; NaN where there is none. A run with much steal had less CPU than it measured.
 */
export function machineStealTicks(): { steal: number; total: number } {
  try {
    const [line = ""] = readFileSync("/proc/stat", "utf8").split("\n", 1);
    // cpu user nice system idle iowait irq softirq steal (proc(5))
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: ticks[7] ?? 0, total: ticks.reduce((a, b) => a + b, 0) };
  } catch {
    return { steal: Number.NaN, total: Number.NaN };
  }
}

/** Bytes of WAL Postgres has written so far (its insert position), for write volume per task. */
export async function walPosition(client: SqlClient): Promise<bigint> {
  const { rows } = await client.query<{ bytes: string }>(
    "select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text as bytes",
  );
  return BigInt((rows[0] as { bytes: string }).bytes.split(".")[0] as string);
}

/** This process's CPU milliseconds (user + system). */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU milliseconds (user + system) of every process of this machine whose command name starts
 * with `name` (e.g. "postgres", "redis-server"), from /proc; NaN where there is no /proc.
 * Backends that exit in between take their time with them, so read it around pooled work.
 */
export function commandCpuMs(name: string): number {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return Number.NaN;
  }
  const tickMs = 1000 / CLOCK_TICKS_PER_S;
  let ticks = 0;
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const open = stat.indexOf("(");
    const close = stat.lastIndexOf(")");
    if (!stat.slice(open + 1, close).startsWith(name)) continue;
    // After the command: state is field 3, utime and stime are fields 14 and 15 (proc(5)).
    const fields = stat.slice(close + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * tickMs;
}

/** USER_HZ: Linux reports process times in 1/100 s on every architecture Node runs on. */
const CLOCK_TICKS_PER_S = 100;
