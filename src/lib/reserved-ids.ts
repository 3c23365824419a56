/**
 * Ids the page layout and the plugins give elements outside the essay's own
 * headings. A heading whose slug equals one of them would make a duplicate id,
 * and a broken share link, so the heading-id plugin refuses it.
 */
export const LAYOUT_IDS = {
  /** The skip link's target. */
  main: 'main',
  /** The table of contents' label. */
  tocTitle: 'contents-title',
  /** The bibliography section's heading (added by rehype-bibliography-section). */
  bibliography: 'bibliography',
  /** The "Cite this essay" section's heading. */
  citeThis: 'cite-this-essay',
} as const;

/** Every reserved id, with what uses it, for error messages. */
export const RESERVED_IDS: ReadonlyMap<string, string> = new Map([
  [LAYOUT_IDS.main, 'the page layout (the skip link’s target)'],
  [LAYOUT_IDS.tocTitle, 'the table of contents'],
  [LAYOUT_IDS.bibliography, 'the bibliography section the site adds'],
  ['refs', 'the citation plugin’s bibliography'],
  ['footnote-label', 'the notes section'],
  [LAYOUT_IDS.citeThis, 'the “Cite this essay” section'],
]);
