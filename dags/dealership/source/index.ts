// The dealership's source database (the seed pipelines' "novadrive"): its schema, reference
// data and a generator of live sales, for the demo and for the dealership DAGs' tests.
export { brazilianAddress } from "./brazilianAddresses";
export { brazilianFullName } from "./brazilianNames";
export type { FullNameOptions } from "./brazilianNames";
export { MAX_BIND_PARAMETERS, multiRowInsert } from "./multiRowInsert";
export type { BoundStatement } from "./multiRowInsert";
export { qualifiedName, quoteIdent } from "./quoteIdent";
export {
  CIDADES,
  CONCESSIONARIAS,
  ESTADOS,
  REFERENCE_CREATED_AT,
  REFERENCE_DATA,
  VEICULOS,
  VENDEDORES,
} from "./referenceData";
export type {
  CidadeRow,
  ConcessionariaRow,
  EstadoRow,
  ReferenceData,
  VeiculoRow,
  VendedorRow,
} from "./referenceData";
export { createRng } from "./rng";
export type { Rng } from "./rng";
export { runGenerator } from "./runGenerator";
export type { GeneratorOptions, GeneratorTick, GeneratorTotals } from "./runGenerator";
export { checkRatio, countUpdates, generateSales, generateUpdates } from "./salesGenerator";
export type {
  GenerateSalesOptions,
  GenerateUpdatesOptions,
  NewCliente,
  NewVenda,
  SaleDraft,
  SalesReference,
  SourceUpdate,
} from "./salesGenerator";
export { createSourcePool, withTransaction } from "./sourceClient";
export type { SourceDb, SourcePoolOptions } from "./sourceClient";
export {
  applyUpdates,
  createSourceSchema,
  insertSales,
  MAX_SALES_PER_BATCH,
  seedReferenceData,
} from "./sourceDatabase";
export type {
  AppliedUpdates,
  ApplyUpdatesOptions,
  InsertedSales,
  InsertSalesOptions,
  SchemaOptions,
  SeedOptions,
  SeededCounts,
} from "./sourceDatabase";
export { SourceOptionError } from "./sourceOptionError";
