// Street addresses as the source's `clientes.endereco` holds them: a street and a number,
// "Alameda Pereira, 6649" (no city: the client's city is their dealership's).
import type { Rng } from "./rng";

// Repeated entries weight the draw: most Brazilian addresses are a Rua or an Avenida.
// prettier-ignore
const STREET_TYPES: readonly string[] = [
  "Rua", "Rua", "Rua", "Rua", "Avenida", "Avenida", "Alameda", "Travessa", "Praça", "Rodovia",
  "Estrada", "Largo", "Viela", "Ladeira",
];

// prettier-ignore
const NAMED_AFTER: readonly string[] = [
  "XV de Novembro", "Sete de Setembro", "Primeiro de Maio", "Tiradentes", "Dom Pedro II",
  "Marechal Deodoro", "Barão do Rio Branco", "Santos Dumont", "Getúlio Vargas",
  "Juscelino Kubitschek", "Rui Barbosa", "Castro Alves", "Princesa Isabel", "Duque de Caxias",
  "José Bonifácio", "Machado de Assis", "São João", "São Jorge", "Santa Luzia", "das Flores",
  "das Palmeiras", "dos Andradas", "das Acácias", "dos Ipês", "da Liberdade", "da Paz",
  "do Comércio", "Brasil", "Amazonas", "Paraná", "Bahia", "Goiás",
];

// prettier-ignore
const PERSON_NAMES: readonly string[] = [
  "Pereira", "Souza", "Oliveira", "Santos", "Almeida", "Carvalho", "Ribeiro", "Martins", "Costa",
  "Moreira", "Cardoso", "Teixeira", "Monteiro", "Barbosa", "Mendes", "Campos", "Nogueira",
  "Albuquerque", "Bittencourt", "Figueiredo", "João Alves", "Maria Rosa", "Antônio Prado",
  "Luís Fernandes", "Ana Néri", "Carlos Gomes", "Francisco Matarazzo", "Pedro Álvares Cabral",
];

/** A street address with a house number from 1 to 9999. */
export function brazilianAddress(rng: Rng): string {
  const type = rng.pick(STREET_TYPES);
  const name = rng.chance(0.6) ? rng.pick(PERSON_NAMES) : rng.pick(NAMED_AFTER);
  return `${type} ${name}, ${rng.int(1, 9999)}`;
}
