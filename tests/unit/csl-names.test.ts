import { describe, expect, it } from 'vitest';
import { localeName } from '../../src/lib/csl-names.ts';
import { essayLocale, loadLocale, vendoredLocales } from '../../src/loader/csl.ts';

describe('an essay’s citation locale', () => {
  const locales = vendoredLocales();

  it('is every official CSL locale, kept offline', () => {
    expect(locales.available).toEqual(expect.arrayContaining(['de-DE', 'fr-FR', 'es-ES', 'pt-BR', 'zh-CN', 'en-GB', 'ru-RU']));
    expect(locales.available.length).toBeGreaterThan(50);
  });

  it('is the exact locale, else the language’s primary dialect, else one of its language', () => {
    expect(localeName('de-AT', locales)).toBe('de-AT');
    expect(localeName('DE', locales)).toBe('de-DE');
    expect(localeName('pt', locales)).toBe('pt-PT');
    expect(localeName('fr-BE', locales)).toBe('fr-FR');
    expect(localeName('en', locales)).toBe('en-GB');
    expect(localeName('en-AU', locales)).toBe('en-GB');
    // In the tag's script: Hong Kong writes traditional characters, as Taiwan does; Serbian is written in two scripts.
    expect(localeName('zh', locales)).toBe('zh-CN');
    expect(localeName('zh-HK', locales)).toBe('zh-TW');
    expect(localeName('zh-Hant', locales)).toBe('zh-TW');
    expect(localeName('sr', locales)).toBe('sr-Cyrl-RS');
    expect(localeName('sr-Latn-BA', locales)).toBe('sr-Latn-RS');
    expect(localeName('xx-YY', locales)).toEqual({ problem: expect.stringContaining('no citation locale for "lang: xx-YY"') });
  });

  it('is read from its file', () => {
    const { name, xml } = loadLocale('fr', { file: 'index.md' });
    expect(name).toBe('fr-FR');
    expect(xml).toContain('xml:lang="fr-FR"');
  });

  it('is the site’s default, with a warning, for a language the CSL project has no locale for; a tag no language has fails', () => {
    const place = { file: 'index.md', line: 8, column: 7 };
    expect(essayLocale('fa', place)).toEqual({ locale: expect.objectContaining({ name: 'fa-IR' }) });
    const urdu = essayLocale('ur-PK', place);
    expect(urdu.locale.name).toBe('en-GB');
    expect(urdu.warning).toMatch(
      /^no citation locale for Urdu \("lang: ur-PK"\).*en-GB's words.*locales-ur-XX\.xml.*\(the build goes on\)$/,
    );
    expect(() => essayLocale('xx-YY', place)).toThrow('index.md:8:7: no citation locale for "lang: xx-YY", which names no language');
    // No one language, or none at all: errors too.
    for (const tag of ['zxx', 'mul', 'und', 'qaa']) expect(() => essayLocale(tag, place), tag).toThrow('names no language');
  });

  it('is found for a tag by its canonical form: an old code is the language it was', () => {
    const place = { file: 'index.md' };
    expect(essayLocale('iw', place)).toEqual({ locale: expect.objectContaining({ name: 'he-IL' }) });
    expect(essayLocale('per', place)).toEqual({ locale: expect.objectContaining({ name: 'fa-IR' }) });
  });
});
