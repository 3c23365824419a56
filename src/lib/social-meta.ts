import { CARD } from './share.ts';

/** What Open Graph says about an essay, beyond its title and description. */
export interface ArticleMeta {
  /** When it was written (ISO 8601), only as precisely as the author dated it. */
  published: string;
  /** When it was last revised (ISO 8601, as precisely as known), if it was. */
  modified?: string | undefined;
  /** Who wrote it, each name as the page shows it: one `article:author` each. */
  authors?: readonly string[] | undefined;
  tags: readonly string[];
  /** Share pages: the section they stand for (`article:section`). */
  section?: string | undefined;
}

export interface SocialMetaProps {
  title: string;
  description: string;
  /** The page's own address: Facebook re-reads the page named by `og:url`. None for the 404 page, which has none. */
  url?: URL | undefined;
  /** The card image, absolute. */
  image: URL;
  /** What the card shows, for readers who cannot see it. */
  imageAlt: string;
  siteName: string;
  /** BCP 47 language of the page. */
  lang: string;
  article?: ArticleMeta | undefined;
}

/** A `<meta>` element: Open Graph's use `property`, X's `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/**
 * The link-preview tags of a page (Open Graph, which chat apps and most
 * sites read, and X's cards), for the layout and for the share pages the
 * build writes itself.
 */
export function socialMeta({ title, description, url, image, imageAlt, siteName, lang, article }: SocialMetaProps): MetaTag[] {
  const og = (property: string, content: string): MetaTag => ({ property, content });
  const x = (name: string, content: string): MetaTag => ({ name, content });
  return [
    og('og:type', article ? 'article' : 'website'),
    og('og:site_name', siteName),
    og('og:title', title),
    og('og:description', description),
    ...(url ? [og('og:url', url.href)] : []),
    og('og:locale', openGraphLocale(lang)),
    og('og:image', image.href),
    og('og:image:type', 'image/png'),
    og('og:image:width', String(CARD.width)),
    og('og:image:height', String(CARD.height)),
    og('og:image:alt', imageAlt),
    ...(article
      ? [
          og('article:published_time', article.published),
          ...(article.modified ? [og('article:modified_time', article.modified)] : []),
          ...(article.authors ?? []).map((name) => og('article:author', name)),
          ...(article.section ? [og('article:section', article.section)] : []),
          ...article.tags.map((tag) => og('article:tag', tag)),
        ]
      : []),
    x('twitter:card', 'summary_large_image'),
    x('twitter:title', title),
    x('twitter:description', description),
    x('twitter:image', image.href),
    x('twitter:image:alt', imageAlt),
  ];
}

/**
 * Open Graph's `og:locale`, which is `language_TERRITORY` ("en_GB"), for a
 * BCP 47 tag. A tag that names no territory takes the one its language is
 * likeliest to be written in (CLDR, through Intl): `ar` is "ar_EG", `he`
 * "he_IL", `en` "en_US"; a script in the tag is no part of it (`sr-Latn-RS`
 * is "sr_RS"), as Facebook's locales name none.
 */
export function openGraphLocale(lang: string): string {
  try {
    const locale = new Intl.Locale(lang);
    const region = locale.region ?? locale.maximize().region;
    return region ? `${locale.language}_${region}` : locale.language;
  } catch {
    // Not a BCP 47 tag: the loader rejects those; the tag is given as it is.
    return lang.replaceAll('-', '_');
  }
}
