// Saving text the page already holds as a file: a blob URL behind a temporary link, released
// once the browser has started the download.

/** A file name from `parts`, with the characters file systems refuse replaced. */
export function safeFileName(parts: readonly (string | number)[], extension: string): string {
  const base = parts.map((part) => String(part).replace(/[\\/:*?"<>|\s]+/g, "_")).join("__");
  return `${base}.${extension}`;
}

export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
