// TemplateDateTime: how datetimes look inside templates. Like pendulum's DateTime in Airflow,
// it prints as Python's str() and offers isoformat(), strftime(), add() and friends.
import { DateTime, type DurationLikeObject } from "luxon";
import { strftime } from "./strftime";

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, "0");
}

/** An immutable instant shown in a time zone (UTC by default), for templates. */
export class TemplateDateTime {
  private readonly dt: DateTime;

  constructor(date: Date | DateTime, zone = "UTC") {
    this.dt = date instanceof DateTime ? date : DateTime.fromJSDate(date, { zone });
  }

  /** Python's `isoformat()`: `2024-12-01T01:00:00+00:00` (microseconds only when non-zero). */
  isoformat(): string {
    const d = this.dt;
    const fraction = d.millisecond === 0 ? "" : `.${pad(d.millisecond, 3)}000`;
    const offset = d.offset;
    const sign = offset < 0 ? "-" : "+";
    return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${fraction}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  }

  /** Python's `str(dt)`: the isoformat with a space instead of "T". */
  toString(): string {
    return this.isoformat().replace("T", " ");
  }

  toJSON(): string {
    return this.isoformat();
  }

  /** Python's `strftime(format)`, in this datetime's zone. */
  strftime(format: string): string {
    return strftime(this.dt.toJSDate(), format, this.dt.zoneName ?? "UTC");
  }

  get year(): number {
    return this.dt.year;
  }
  get month(): number {
    return this.dt.month;
  }
  get day(): number {
    return this.dt.day;
  }
  get hour(): number {
    return this.dt.hour;
  }
  get minute(): number {
    return this.dt.minute;
  }
  get second(): number {
    return this.dt.second;
  }
  get microsecond(): number {
    return this.dt.millisecond * 1000;
  }
  /** Seconds since the epoch, as an integer (pendulum's `int_timestamp`). */
  get int_timestamp(): number {
    return Math.floor(this.dt.toSeconds());
  }

  /** Seconds since the epoch (Python's `timestamp()`). */
  timestamp(): number {
    return this.dt.toSeconds();
  }

  /** The date part as `YYYY-MM-DD`. */
  date(): string {
    return this.dt.toFormat("yyyy-LL-dd");
  }

  /** A later datetime (pendulum's `add(days=1)`; pass an object: `add({ days: 1 })`). */
  add(amount: DurationLikeObject): TemplateDateTime {
    return new TemplateDateTime(this.dt.plus(amount));
  }

  /** An earlier datetime (pendulum's `subtract`). */
  subtract(amount: DurationLikeObject): TemplateDateTime {
    return new TemplateDateTime(this.dt.minus(amount));
  }

  /** The same instant shown in another zone (its str() shows that zone's offset). */
  in_timezone(zone: string): TemplateDateTime {
    return new TemplateDateTime(this.dt.setZone(zone));
  }

  /** The instant as a JS Date. */
  toDate(): Date {
    return this.dt.toJSDate();
  }
}
