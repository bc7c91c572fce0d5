// The source's reference data as DEALERSHIP.md 2.2 records it: 27 states (ids in alphabetical
// order of name), their capitals (id_cidades = id_estados), 29 dealerships, 8 vehicles and 53
// salespeople. Row keys are the source's column names, so a row inserts as it reads.
import { brazilianFullName } from "./brazilianNames";
import { createRng } from "./rng";

/** A row of `estados`. */
export interface EstadoRow {
  readonly id_estados: number;
  readonly estado: string;
  readonly sigla: string;
}

/** A row of `cidades`. */
export interface CidadeRow {
  readonly id_cidades: number;
  readonly cidade: string;
  readonly id_estados: number;
}

/** A row of `concessionarias`. */
export interface ConcessionariaRow {
  readonly id_concessionarias: number;
  readonly concessionaria: string;
  readonly id_cidades: number;
}

/** A row of `vendedores`. */
export interface VendedorRow {
  readonly id_vendedores: number;
  readonly nome: string;
  readonly id_concessionarias: number;
}

/** A row of `veiculos`; `valor` is the list price in BRL, as numeric(10,2) text. */
export interface VeiculoRow {
  readonly id_veiculos: number;
  readonly nome: string;
  readonly tipo: string;
  readonly valor: string;
}

/** Every reference table, in foreign-key order. */
export interface ReferenceData {
  readonly estados: readonly EstadoRow[];
  readonly cidades: readonly CidadeRow[];
  readonly concessionarias: readonly ConcessionariaRow[];
  readonly vendedores: readonly VendedorRow[];
  readonly veiculos: readonly VeiculoRow[];
}

/** When the live source's reference rows were created (its dumps: 2024-01-28, ~19:58 UTC). */
export const REFERENCE_CREATED_AT: Date = new Date("2024-01-28T19:58:00.000Z");

// [estado, sigla, capital], in the order of the ids.
// prettier-ignore
const STATES: readonly (readonly [string, string, string])[] = [
  ["Acre", "AC", "Rio Branco"], ["Alagoas", "AL", "Maceió"], ["Amapá", "AP", "Macapá"],
  ["Amazonas", "AM", "Manaus"], ["Bahia", "BA", "Salvador"], ["Ceará", "CE", "Fortaleza"],
  ["Distrito Federal", "DF", "Brasília"], ["Espírito Santo", "ES", "Vitória"],
  ["Goiás", "GO", "Goiânia"], ["Maranhão", "MA", "São Luís"], ["Mato Grosso", "MT", "Cuiabá"],
  ["Mato Grosso do Sul", "MS", "Campo Grande"], ["Minas Gerais", "MG", "Belo Horizonte"],
  ["Pará", "PA", "Belém"], ["Paraíba", "PB", "João Pessoa"], ["Paraná", "PR", "Curitiba"],
  ["Pernambuco", "PE", "Recife"], ["Piauí", "PI", "Teresina"],
  ["Rio de Janeiro", "RJ", "Rio de Janeiro"], ["Rio Grande do Norte", "RN", "Natal"],
  ["Rio Grande do Sul", "RS", "Porto Alegre"], ["Rondônia", "RO", "Porto Velho"],
  ["Roraima", "RR", "Boa Vista"], ["Santa Catarina", "SC", "Florianópolis"],
  ["São Paulo", "SP", "São Paulo"], ["Sergipe", "SE", "Aracaju"], ["Tocantins", "TO", "Palmas"],
];

/** The 26 states and the Federal District. */
export const ESTADOS: readonly EstadoRow[] = Object.freeze(
  STATES.map(([estado, sigla], i) => Object.freeze({ id_estados: i + 1, estado, sigla })),
);

/** One capital per state, with the state's id. */
export const CIDADES: readonly CidadeRow[] = Object.freeze(
  STATES.map(([, , cidade], i) => Object.freeze({ id_cidades: i + 1, cidade, id_estados: i + 1 })),
);

const SAO_PAULO = 25;
const RIO_DE_JANEIRO = 19;
const dealershipName = (place: string): string => `Concessionária NovaDrive Motors ${place}`;

/** One dealership per capital (ids 1–27), plus the "Centro" branches of São Paulo and Rio. */
export const CONCESSIONARIAS: readonly ConcessionariaRow[] = Object.freeze(
  [
    ...CIDADES.map((c) => ({
      id_concessionarias: c.id_cidades,
      concessionaria: dealershipName(c.cidade),
      id_cidades: c.id_cidades,
    })),
    {
      id_concessionarias: 28,
      concessionaria: dealershipName("São Paulo Centro"),
      id_cidades: SAO_PAULO,
    },
    {
      id_concessionarias: 29,
      concessionaria: dealershipName("Rio de Janeiro Centro"),
      id_cidades: RIO_DE_JANEIRO,
    },
  ].map((row) => Object.freeze(row)),
);

/** The eight models, with their list prices. */
// prettier-ignore
export const VEICULOS: readonly VeiculoRow[] = Object.freeze([
  { id_veiculos: 1, nome: "AgileXplorer", tipo: "SUV Compacta", valor: "250000.00" },
  { id_veiculos: 2, nome: "VoyageRoamer", tipo: "SUV Média", valor: "350000.00" },
  { id_veiculos: 3, nome: "EcoPrestige", tipo: "SUV Premium Híbrida", valor: "500000.00" },
  { id_veiculos: 4, nome: "WorkMaster", tipo: "Camionete Média", valor: "280000.00" },
  { id_veiculos: 5, nome: "DoubleDuty", tipo: "Camionete Cabine Dupla", valor: "320000.00" },
  { id_veiculos: 6, nome: "SpeedFury", tipo: "Superesportivo", valor: "800000.00" },
  { id_veiculos: 7, nome: "TrailConqueror", tipo: "Off-road", valor: "400000.00" },
  { id_veiculos: 8, nome: "ElegantCruise", tipo: "Sedã", valor: "300000.00" },
].map((row) => Object.freeze(row)));

/** The five salespeople the dumps name, all at the São Paulo dealership. */
const NAMED_SALESPEOPLE = [
  "Paulo Fernandes",
  "Mariana Silva",
  "Carlos Eduardo",
  "Fernanda Gomes",
  "Ricardo Almeida",
];
const SALESPEOPLE = 53;

/**
 * The other 48 are in no dump: their names come from a fixed seed (the same on every run, and
 * pinned by a test) and they go round-robin over dealerships 1–29, so each has at least one.
 */
function generatedSalespeople(): VendedorRow[] {
  const rng = createRng("novadrive-vendedores");
  const taken = new Set(NAMED_SALESPEOPLE);
  const rows: VendedorRow[] = [];
  for (let id = NAMED_SALESPEOPLE.length + 1; id <= SALESPEOPLE; id += 1) {
    let nome = brazilianFullName(rng, { surnames: 1 });
    while (taken.has(nome)) nome = brazilianFullName(rng, { surnames: 1 });
    taken.add(nome);
    const index = id - NAMED_SALESPEOPLE.length - 1;
    rows.push({
      id_vendedores: id,
      nome,
      id_concessionarias: (index % CONCESSIONARIAS.length) + 1,
    });
  }
  return rows;
}

/** Salespeople 1–53: ids 1–5 as named in the dumps (dealership 25), the rest generated. */
export const VENDEDORES: readonly VendedorRow[] = Object.freeze(
  [
    ...NAMED_SALESPEOPLE.map((nome, i) => ({
      id_vendedores: i + 1,
      nome,
      id_concessionarias: SAO_PAULO,
    })),
    ...generatedSalespeople(),
  ].map((row) => Object.freeze(row)),
);

/** All of the above. */
export const REFERENCE_DATA: ReferenceData = Object.freeze({
  estados: ESTADOS,
  cidades: CIDADES,
  concessionarias: CONCESSIONARIAS,
  vendedores: VENDEDORES,
  veiculos: VEICULOS,
});
