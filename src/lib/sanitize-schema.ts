import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * What raw HTML in an essay may do. Authors are trusted with markup, not with
 * scripts: GitHub's schema (no script, style, iframe, form or event handler,
 * only http(s)/mailto links, no `javascript:` URLs) plus the elements essays
 * use (figures, abbreviations, marks, asides, citations of titles, a
 * quotation's attribution) and
 * `class`, `lang` and `dir` everywhere. Ids are kept as written (not prefixed
 * with `user-content-`): they are share links, and the heading-id plugin
 * refuses any that collide with the page's own. rehype-sanitize-html applies
 * it, and warns the author of each thing it removes.
 */
export const essaySchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'abbr',
    'aside',
    'cite',
    'figcaption',
    'figure',
    'mark',
    'small',
    'time',
    'u',
    'dfn',
    'bdi',
    'wbr',
    'caption',
    'colgroup',
    'col',
    'footer',
  ],
  // A quotation's attribution, as HTML writes it: `<blockquote><p>…</p><footer>— <cite>…</cite></footer></blockquote>`.
  ancestors: { ...defaultSchema.ancestors, footer: ['blockquote'] },
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'lang', 'dir', 'translate'],
    a: [...(defaultSchema.attributes?.a ?? []), 'hrefLang', 'rel'],
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'loading', 'decoding', 'srcSet', 'sizes'],
    section: ['dataFootnotes'],
    // remark-math marks formulas so; rehype-math renders them after sanitising (MathML is not markup authors write).
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    // GitHub allows only its own class on headings; here classes are the author's to give (`## Heading {.aside}`).
    h2: ['className'],
    time: ['dateTime'],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
  // Relative URLs (own images, other essays) stay allowed: protocols only restrict absolute ones.
  // Removed with their content, which is code, or fallback for pages that cannot run or frame it: never text for readers.
  strip: [...(defaultSchema.strip ?? []), 'style', 'iframe', 'noscript', 'noembed', 'noframes', 'template', 'xmp'],
  clobber: [],
  clobberPrefix: '',
};
