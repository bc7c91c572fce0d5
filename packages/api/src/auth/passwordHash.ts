// Password hashes as `scrypt$N$r$p$salt$hash` (base64 salt and hash): Node's scrypt with a
// random 16-byte salt per password and N=16384, r=8, p=1. The parameters are stored with the
// hash, so raising them later still verifies the old hashes; a stored value with parameters
// beyond what this module would ever write is refused rather than computed.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/** scrypt's cost parameters. */
interface Cost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

const COST: Cost = { N: 16_384, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 64;

/** Bounds on stored parameters, so a tampered row cannot make a login burn memory or CPU. */
const MAX_COST: Cost = { N: 1 << 17, r: 16, p: 4 };

function derive(password: string, salt: Buffer, length: number, cost: Cost): Promise<Buffer> {
  // scrypt needs about 128·N·r bytes; Node's default ceiling (32 MiB) would refuse N=2^17.
  const maxmem = 256 * cost.N * cost.r;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, { ...cost, maxmem }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    ),
  );
}

/** A new hash of `password` (a fresh salt each time, so equal passwords hash differently). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), hash.toString("base64")].join(
    "$",
  );
}

interface ParsedHash {
  readonly cost: Cost;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || rest.length > 0 || salt === undefined || hash === undefined)
    return null;
  if (!BASE64.test(salt) || !BASE64.test(hash)) return null;
  const [N, R, P] = [n, r, p].map((s) => (s !== undefined && /^\d{1,7}$/.test(s) ? Number(s) : 0));
  const cost = { N: N ?? 0, r: R ?? 0, p: P ?? 0 };
  const isPowerOfTwo = cost.N > 1 && (cost.N & (cost.N - 1)) === 0;
  if (!isPowerOfTwo || cost.N > MAX_COST.N) return null;
  if (cost.r < 1 || cost.r > MAX_COST.r || cost.p < 1 || cost.p > MAX_COST.p) return null;
  const parsed = { cost, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
  if (parsed.salt.length < 8 || parsed.hash.length < 16 || parsed.hash.length > 128) return null;
  return parsed;
}

/** Whether `password` is the one `stored` was made from (false for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === null) return false;
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed.cost);
  return timingSafeEqual(candidate, parsed.hash);
}
