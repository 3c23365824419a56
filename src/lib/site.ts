/** Site-wide settings shown in the layout and in metadata. */
export const SITE = {
  name: 'Essays',
  description: 'Long-form essays with their sources: cited, linked and searchable.',
  /** Language of pages that are not an essay (home, search, 404). */
  lang: 'en-GB',
  /**
   * Who writes here: named in the footer and, for an essay whose frontmatter
   * names no `author`, in "Cite this essay" and the page's metadata. A
   * placeholder until the site's author writes their name here.
   */
  author: { name: 'The Essays editors' },
  /**
   * The terms the essays' text is published under: copyright with all rights
   * reserved until the author chooses a licence (then its name and its URL,
   * e.g. CC BY 4.0 and https://creativecommons.org/licenses/by/4.0/).
   */
  licence: { name: 'All rights reserved', url: undefined as string | undefined },
} as const;
