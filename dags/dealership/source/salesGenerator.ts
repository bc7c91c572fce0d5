// New activity for the source, as pure functions of a seeded Rng: sales (each with its own new
// client, as the live source shows) and the occasional update (a vehicle's price corrected, a
// client's address changed). The database side is in sourceDatabase.ts.
import { brazilianAddress } from "./brazilianAddresses";
import { brazilianFullName } from "./brazilianNames";
import { ceilDiv, floorDiv, formatCents, toCents } from "./money";
import { REFERENCE_DATA, type VeiculoRow, type VendedorRow } from "./referenceData";
import type { Rng } from "./rng";
import { SourceOptionError } from "./sourceOptionError";

/** What sales are drawn from: the vehicles (with list prices) and the salespeople. */
export interface SalesReference {
  readonly veiculos: readonly Pick<VeiculoRow, "id_veiculos" | "valor">[];
  readonly vendedores: readonly Pick<VendedorRow, "id_vendedores" | "id_concessionarias">[];
}

/** A new `clientes` row (its id comes from the table's sequence). */
export interface NewCliente {
  readonly cliente: string;
  readonly endereco: string;
  readonly id_concessionarias: number;
}

/** A new `vendas` row, without the ids the database assigns (its own and its client's). */
export interface NewVenda {
  readonly id_veiculos: number;
  readonly id_concessionarias: number;
  readonly id_vendedores: number;
  readonly valor_pago: string;
  readonly data_venda: Date;
}

/** One sale and the client who made it. */
export interface SaleDraft {
  readonly cliente: NewCliente;
  readonly venda: NewVenda;
}

/** One change to an existing row. */
export type SourceUpdate =
  | { readonly kind: "vehicle_price"; readonly id_veiculos: number; readonly valor: string }
  | { readonly kind: "client_address"; readonly id_clientes: number; readonly endereco: string };

/*
 * Prices. The seeds' price rule (dbt `tests/test.sql`) checks every sale against the vehicle's
 * *current* list price: valor_pago <= valor and valor_pago >= 0.95 × valor. A price correction
 * would break it for earlier sales, so corrections stay within 0.5 % below the reference list
 * price, and a sale pays between 95 % and 99 % × 99.5 % of that reference price. Against any
 * price in the band, every sale then has a discount of 1–5 %, before and after corrections.
 */
const CORRECTION_BAND_PER_MILLE = 5;
const MIN_PAID_PERCENT = 95;
const MAX_PAID_PER_100000 = 99 * 995; // 99 % of the lowest corrected price

/** valor_pago for a vehicle listed at `valor` (reference price), in centavos. */
function paidCents(rng: Rng, valor: string): number {
  const list = toCents(valor);
  return rng.int(
    ceilDiv(list * MIN_PAID_PERCENT, 100),
    floorDiv(list * MAX_PAID_PER_100000, 100_000),
  );
}

/** A corrected list price: the reference price less up to 0.5 %, in whole reais. */
function correctedPrice(rng: Rng, valor: string): string {
  const list = toCents(valor);
  const maxCutReais = floorDiv(list * CORRECTION_BAND_PER_MILLE, 1000 * 100);
  return formatCents(list - 100 * rng.int(0, maxCutReais));
}

function checkCount(name: string, count: number): void {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new SourceOptionError(`${name}: expected an integer >= 0, got ${count}`);
}

/** Options of generateSales. */
export interface GenerateSalesOptions {
  readonly rng: Rng;
  readonly count: number;
  /** data_venda of every sale. */
  readonly now: Date;
  /** @default REFERENCE_DATA (the 8 vehicles and 53 salespeople) */
  readonly reference?: SalesReference;
}

/**
 * `count` sales. Each picks a vehicle and a salesperson at random (so a dealership sells in
 * proportion to its staff), is made at that salesperson's dealership, and brings a new client
 * of that dealership.
 */
export function generateSales(options: GenerateSalesOptions): SaleDraft[] {
  const { rng, count, now, reference = REFERENCE_DATA } = options;
  checkCount("count", count);
  const sales: SaleDraft[] = [];
  for (let i = 0; i < count; i += 1) {
    const veiculo = rng.pick(reference.veiculos);
    const vendedor = rng.pick(reference.vendedores);
    const cliente: NewCliente = {
      cliente: brazilianFullName(rng),
      endereco: brazilianAddress(rng),
      id_concessionarias: vendedor.id_concessionarias,
    };
    const venda: NewVenda = {
      id_veiculos: veiculo.id_veiculos,
      id_concessionarias: vendedor.id_concessionarias,
      id_vendedores: vendedor.id_vendedores,
      valor_pago: formatCents(paidCents(rng, veiculo.valor)),
      data_venda: now,
    };
    sales.push({ cliente, venda });
  }
  return sales;
}

/** How many updates go with `sales` new sales: each sale brings one with probability `ratio`. */
export function countUpdates(rng: Rng, sales: number, ratio: number): number {
  checkRatio(ratio);
  if (ratio === 0) return 0;
  let updates = 0;
  for (let i = 0; i < sales; i += 1) if (rng.chance(ratio)) updates += 1;
  return updates;
}

/** Rejects an update ratio outside 0..1. */
export function checkRatio(ratio: number): void {
  if (!(ratio >= 0 && ratio <= 1))
    throw new SourceOptionError(`updateRatio: expected a number from 0 to 1, got ${ratio}`);
}

/** Options of generateUpdates. */
export interface GenerateUpdatesOptions {
  readonly rng: Rng;
  readonly count: number;
  /** The clients' id range, or null when there are none yet (then only prices change). */
  readonly clientIds: { readonly min: number; readonly max: number } | null;
  /** @default REFERENCE_DATA */
  readonly reference?: Pick<SalesReference, "veiculos">;
}

/** Share of updates that change a client's address; the rest correct a vehicle's price. */
const ADDRESS_SHARE = 0.8;

/** `count` updates: mostly address changes, sometimes a price correction. */
export function generateUpdates(options: GenerateUpdatesOptions): SourceUpdate[] {
  const { rng, count, clientIds, reference = REFERENCE_DATA } = options;
  checkCount("count", count);
  const updates: SourceUpdate[] = [];
  for (let i = 0; i < count; i += 1) {
    if (clientIds !== null && rng.chance(ADDRESS_SHARE)) {
      const id_clientes = rng.int(clientIds.min, clientIds.max);
      updates.push({ kind: "client_address", id_clientes, endereco: brazilianAddress(rng) });
    } else {
      const veiculo = rng.pick(reference.veiculos);
      updates.push({
        kind: "vehicle_price",
        id_veiculos: veiculo.id_veiculos,
        valor: correctedPrice(rng, veiculo.valor),
      });
    }
  }
  return updates;
}
