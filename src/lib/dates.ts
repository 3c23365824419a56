export interface Written {
  date: Date;
  note?: string | undefined;
  /** How precise `date` is; defaults to the day. */
  precision?: 'day' | 'month' | 'year' | undefined;
}

/** "12 October 2013" (or "October 2013", "2013") in the essay's language; dates are calendar dates, so UTC. */
export function formatDate(date: Date, lang: string, precision: Written['precision'] = 'day'): string {
  return new Intl.DateTimeFormat(lang, {
    ...(precision === 'day' ? { day: 'numeric' } : {}),
    ...(precision !== 'year' ? { month: 'long' } : {}),
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as precise as the date is known, for `<time datetime>` and metadata. */
export function isoDate(date: Date, precision: Written['precision'] = 'day'): string {
  return date.toISOString().slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);
}

/** The author's own words when given ("Initially written around October 2013"), else the date. */
export function describeWritten({ date, note, precision }: Written, lang: string): string {
  return note ?? `Written ${formatDate(date, lang, precision)}`;
}
