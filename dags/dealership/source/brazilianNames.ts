// Realistic Brazilian full names for generated clients and salespeople ("Ana Clara Ribeiro dos
// Santos"): common first names, compound ones included, and the most frequent surnames.
import type { Rng } from "./rng";

// prettier-ignore
const FIRST_NAMES: readonly string[] = [
  "Ana", "Ana Clara", "Ana Luiza", "Adriana", "Alessandra", "Aline", "Amanda", "Beatriz",
  "Bruna", "Camila", "Carolina", "Cláudia", "Daniela", "Débora", "Eduarda", "Elaine", "Fabiana",
  "Gabriela", "Helena", "Isabela", "Jéssica", "Juliana", "Larissa", "Letícia", "Luana", "Luciana",
  "Manuela", "Maria", "Maria Eduarda", "Maria Fernanda", "Mariana", "Natália", "Patrícia",
  "Priscila", "Rafaela", "Renata", "Sabrina", "Simone", "Tatiane", "Vanessa", "Vitória",
  "Alexandre", "André", "Antônio", "Arthur", "Bernardo", "Bruno", "Caio", "Daniel", "Davi",
  "Diego", "Eduardo", "Fábio", "Felipe", "Francisco", "Gabriel", "Guilherme", "Gustavo",
  "Heitor", "Henrique", "Igor", "João", "João Pedro", "João Vitor", "Jorge", "José", "Leonardo",
  "Lucas", "Luiz Carlos", "Marcelo", "Marcos", "Matheus", "Miguel", "Murilo", "Otávio", "Pedro",
  "Rafael", "Renan", "Roberto", "Rodrigo", "Samuel", "Sérgio", "Thiago", "Vinícius", "Wagner",
];

// prettier-ignore
const SURNAMES: readonly string[] = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
  "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes",
  "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques",
  "Machado", "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira",
  "Araújo", "Pinto", "Correia", "Castro", "Cavalcanti", "Moura", "Campos", "Monteiro", "Batista",
  "Rezende", "Farias", "Duarte", "Melo", "Azevedo", "Borges", "Cunha", "Medeiros", "Prado",
  "Siqueira", "Tavares", "Peixoto", "Xavier", "Queiroz", "Sales", "Brandão",
];

// Surnames with a particle read naturally only as the last one ("Pedro Lima dos Santos").
// prettier-ignore
const LAST_SURNAMES: readonly string[] = [
  ...SURNAMES,
  "da Silva", "dos Santos", "de Oliveira", "de Souza", "da Costa", "dos Reis", "da Cruz",
  "de Jesus", "do Nascimento", "da Rocha", "de Almeida", "da Conceição",
];

/** How many surnames a generated name has. @default 1 or 2, at random */
export interface FullNameOptions {
  readonly surnames?: 1 | 2;
}

/** A Brazilian full name: a first name and one or two surnames. */
export function brazilianFullName(rng: Rng, options: FullNameOptions = {}): string {
  const surnames = options.surnames ?? (rng.chance(0.55) ? 2 : 1);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_SURNAMES);
  if (surnames === 1) return `${first} ${last}`;
  let middle = rng.pick(SURNAMES);
  if (last.endsWith(middle)) middle = rng.pick(SURNAMES); // "Silva da Silva" reads oddly; once is enough
  return `${first} ${middle} ${last}`;
}
