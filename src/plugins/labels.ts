import type { Attributes } from '../lib/attributes.ts';
import { EssayError, type Place } from '../lib/essay-error.ts';
import { type EssayRun, type LabelKind, labelKind } from './contracts.ts';

/**
 * What an attribute block (`{#fig-map .wide fig-alt="…"}`) may say about the
 * element it follows, checked once for every kind: a label must have the
 * prefix of its element's kind (a figure's `fig-`, a heading's `sec-`), and
 * keys the site does not use are ignored with a warning rather than silently.
 */
export interface Checked {
  id?: string | undefined;
  /** Whether the id is a cross-reference label (has its kind's prefix). */
  label: boolean;
  classes: string[];
  values: Record<string, string>;
}

const WHAT: Record<LabelKind, string> = {
  fig: 'an image alone in its paragraph, with a caption',
  tbl: 'a table caption (`: Caption {#tbl-…}`)',
  eq: 'display math (`$$ … $$ {#eq-…}`)',
  sec: 'a heading',
};

/**
 * Checks the attributes written for an element of `kind`, reporting a label
 * of another kind as a problem; keys other than `allowed` are dropped, with a warning.
 */
export function checkAttributes(
  attributes: Attributes,
  kind: LabelKind,
  written: string,
  place: Place,
  run: EssayRun,
  allowed: readonly string[] = [],
): Checked {
  const { id, classes } = attributes;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes.values)) {
    if (allowed.includes(key)) values[key] = value;
    else run.warnings.push(new EssayError(place, `the attribute ${key}="${value}" in ${written} is ignored: the site does not use it.`));
  }
  const other = id === undefined ? undefined : labelKind(id);
  if (id !== undefined && other !== undefined && other !== kind) {
    run.problems.push(
      new EssayError(
        place,
        `${written} labels ${LABEL_ARTICLE[kind]}, but ${other}- labels are for ${WHAT[other]}; write #${kind}-${id.slice(other.length + 1)}.`,
      ),
    );
    return { label: false, classes, values };
  }
  return { id, label: other === kind, classes, values };
}

const LABEL_ARTICLE: Record<LabelKind, string> = { fig: 'a figure', tbl: 'a table', eq: 'an equation', sec: 'a heading' };
