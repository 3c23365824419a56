export interface Written {
  date: Date;
  note?: string | undefined;
}

/** "12 October 2013" in the essay's language; dates are calendar dates, so UTC. */
export function formatDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** `YYYY-MM-DD`, for `<time datetime>` and metadata. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The author's own words when given ("Initially written around October 2013"), else the date. */
export function describeWritten({ date, note }: Written, lang: string): string {
  return note ?? `Written ${formatDate(date, lang)}`;
}
