// A `datetime-local` input holds local time without a zone ("2026-03-01T09:30:00"); the API
// takes and gives instants. These convert between the two in the browser's time zone.

const pad = (n: number) => String(n).padStart(2, "0");

/** `date` as a datetime-local value, to the second. */
export function dateToLocalInput(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** An ISO instant as a datetime-local value; null when it is not a date. */
export function isoToLocalInput(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dateToLocalInput(date);
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** A datetime-local value as an ISO instant in UTC ("…Z", no milliseconds unless given); null when it is not one. */
export function localInputToIso(text: string): string | null {
  if (!LOCAL.test(text)) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return date.getMilliseconds() === 0 ? iso.replace(/\.000Z$/, "Z") : iso;
}
