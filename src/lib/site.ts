/** Site-wide settings shown in the layout and in metadata. */
export const SITE = {
  name: 'Essays',
  description: 'Long-form essays with their sources: cited, linked and searchable.',
  /** Language of pages that are not an essay (home, search, 404). */
  lang: 'en-GB',
} as const;
