// Jinja's `do` extension, which dbt enables: `{% do xs.append(1) %}` evaluates an expression for
// its effect and renders nothing. nunjucks has no such tag.
import type nunjucks from "nunjucks";

/** The parts of nunjucks' (undocumented) parser API the tag uses. */
interface TagParser {
  nextToken(): { value: string; lineno: number; colno: number };
  parseExpression(): unknown;
  advanceAfterBlockEnd(name: string): void;
}

interface TagNodes {
  NodeList: new (lineno: number, colno: number, children: unknown[]) => unknown;
  CallExtension: new (ext: object, prop: string, args: unknown) => unknown;
}

/** The `{% do expr %}` tag. */
export class DoExtension implements nunjucks.Extension {
  readonly tags = ["do"];

  parse(parser: TagParser, nodes: TagNodes): unknown {
    const tag = parser.nextToken();
    const expression = parser.parseExpression();
    parser.advanceAfterBlockEnd(tag.value);
    return new nodes.CallExtension(
      this,
      "run",
      new nodes.NodeList(tag.lineno, tag.colno, [expression]),
    );
  }

  /** The expression was evaluated to make this call; its value is dropped. */
  run(): string {
    return "";
  }
}
