/** `text` as a regular expression matching itself (run ids hold `+`, `.` and `:`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
