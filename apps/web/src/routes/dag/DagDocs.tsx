// A DAG's doc_md rendered as Markdown. Raw HTML stays text (html: false) and markdown-it refuses
// javascript: links, so a DAG file cannot put script into the page.
import MarkdownIt from "markdown-it";
import { useMemo } from "react";

const markdown = new MarkdownIt({ html: false, linkify: true });

export function DagDocs({ docMd }: { readonly docMd: string }) {
  const html = useMemo(() => markdown.render(docMd), [docMd]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
