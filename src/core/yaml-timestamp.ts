/**
 * A YAML 1.1 timestamp as PyYAML (and so Ansible) reads it: a date (`2024-01-01`) or a date and time, with an
 * optional fraction and UTC offset. Kept as its parts rather than a JavaScript Date, so it prints as Python prints
 * it: `2024-01-01`, `2024-01-01T10:00:00.500000+02:00` in JSON (isoformat), `2024-01-01 10:00:00` as text (str).
 */
export class YamlTimestamp {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    /** Absent for a date without a time. */
    readonly time?: {
      readonly hour: number;
      readonly minute: number;
      readonly second: number;
      readonly microsecond: number;
      /** Minutes east of UTC; absent for a time without a zone. */
      readonly offsetMinutes?: number;
    },
  ) {
    Object.freeze(this);
  }

  /** Python's `isoformat()`: what ansible-inventory prints. */
  toJSON(): string {
    return this.format('T');
  }

  /** Python's `str()`: what a template shows. */
  toString(): string {
    return this.format(' ');
  }

  private format(separator: string): string {
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    const date = `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`;
    if (!this.time) return date;
    const { hour, minute, second, microsecond, offsetMinutes } = this.time;
    let text = `${date}${separator}${pad(hour)}:${pad(minute)}:${pad(second)}`;
    if (microsecond > 0) text += `.${pad(microsecond, 6)}`;
    if (offsetMinutes !== undefined) {
      const sign = offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(offsetMinutes);
      text += `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    }
    return text;
  }
}
