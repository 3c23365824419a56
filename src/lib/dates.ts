import { uiStrings } from './ui-strings.ts';

/** A calendar date and how much of it is known: a day, a month or a year. Dates are UTC midnight, never local time. */
export interface CalendarDate {
  date: Date;
  precision: 'day' | 'month' | 'year';
}

/** When an essay was written: a calendar date, and how the author puts it, if they did. */
export interface Written extends CalendarDate {
  note?: string | undefined;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a timestamp after the day is allowed and
 * ignored: the day is the day as written) as a calendar date with the
 * precision written, or undefined when it is not one or not a real date
 * (`2020-13-45` would otherwise roll over into 2021).
 */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = text.trim().match(DATE);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = m === undefined ? 1 : Number(m);
  const day = d === undefined ? 1 : Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { date, precision: d !== undefined ? 'day' : m !== undefined ? 'month' : 'year' };
}

/** A date stored as ISO text with its precision (`{ date: '2015-02', precision: 'month' }`) as a calendar date again. */
export function storedDate(stored: { date: string; precision: CalendarDate['precision'] } | undefined): CalendarDate | undefined {
  const parsed = stored && parseCalendarDate(stored.date);
  return parsed && { date: parsed.date, precision: stored.precision };
}

/** The date's parts as far as they are known: [2013, 10] for October 2013. */
export function dateParts({ date, precision }: CalendarDate): number[] {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()].slice(
    0,
    precision === 'year' ? 1 : precision === 'month' ? 2 : 3,
  );
}

/**
 * Calendars whose months are the Gregorian calendar's, counted from another
 * year (Thai's Buddhist era: มีนาคม 2564 is March 2021). Not the Japanese
 * one: its eras change mid-year, so a year alone (2019) is two of them.
 */
const GREGORIAN_MONTHS = new Set(['gregory', 'iso8601', 'buddhist', 'roc']);

/** Each language's own calendar, looked up once. */
const calendars = new Map<string, string>();

/**
 * "12 October 2013" (or "October 2013", "2013") in the essay's language; dates are calendar dates, so UTC.
 * In the language's own calendar where its months are the Gregorian ones, else in the Gregorian
 * calendar, in the language's words and digits: the dates are written Gregorian, and a month or a
 * year of it is no one month or year of the Solar Hijri or Islamic calendar (Persian's default
 * calendar would date March 2021 to Esfand 1399, which ended on the 20th).
 */
export function formatDate(date: Date, lang: string, precision: CalendarDate['precision'] = 'day'): string {
  let calendar = calendars.get(lang);
  if (calendar === undefined) calendars.set(lang, (calendar = new Intl.DateTimeFormat(lang).resolvedOptions().calendar));
  return new Intl.DateTimeFormat(lang, {
    ...(precision === 'day' ? { day: 'numeric' } : {}),
    ...(precision !== 'year' ? { month: 'long' } : {}),
    year: 'numeric',
    timeZone: 'UTC',
    ...(GREGORIAN_MONTHS.has(calendar) ? {} : { calendar: 'gregory' }),
  }).format(date);
}

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as precise as the date is known, for `<time datetime>` and metadata. */
export function isoDate(date: Date, precision: CalendarDate['precision'] = 'day'): string {
  return date.toISOString().slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);
}

/** The author's own words when given ("Initially written around October 2013"), else the date, in the essay's language. */
export function describeWritten({ date, note, precision }: Written, lang: string): string {
  return note ?? uiStrings(lang).written(formatDate(date, lang, precision));
}

/**
 * The date an essay was last revised: the author's `updated`, or else the
 * repository's date of its last change, if that falls after the period the
 * essay is dated to (a commit in the month an essay "written 2014-03" is
 * dated to is its writing, not a revision).
 */
export function revisedDate(
  written: CalendarDate,
  updated: CalendarDate | undefined,
  changed: CalendarDate | undefined,
): CalendarDate | undefined {
  if (updated) return updated;
  if (!changed) return undefined;
  return isoDate(changed.date, written.precision) > isoDate(written.date, written.precision) ? changed : undefined;
}
