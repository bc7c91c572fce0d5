// A seeded pseudo-random generator (mulberry32): the demo data is reproducible, same seed → same
// rows, and library code never reaches for Math.random.
import { SourceOptionError } from "./sourceOptionError";

/** A deterministic source of randomness. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** FNV-1a, so a string seed ("novadrive") works as well as a number. */
function hashSeed(seed: number | string): number {
  if (typeof seed === "number") {
    // Keep the high bits of large seeds such as Date.now().
    return (Math.floor(seed) ^ Math.floor(seed / 2 ** 32)) >>> 0;
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A generator whose sequence depends only on `seed`. */
export function createRng(seed: number | string): Rng {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new SourceOptionError("pick: expected a non-empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
  };
}
