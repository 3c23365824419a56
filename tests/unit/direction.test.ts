import { describe, expect, it } from 'vitest';
import { textDirection } from '../../src/lib/direction.ts';

describe('the direction of a language', () => {
  it('is right to left for the languages written so, by their likely script', () => {
    expect(['he', 'he-IL', 'ar', 'ar-EG', 'fa', 'ur', 'yi', 'dv', 'ckb', 'az-Arab', 'pa-Arab'].map(textDirection)).toEqual(
      Array(11).fill('rtl'),
    );
  });

  it('is left to right for the others, and for what is not a language tag', () => {
    expect(['en', 'en-GB', 'ru', 'de', 'az', 'pa', 'zh-Hant', 'ja', 'tr', 'not a tag', ''].map(textDirection)).toEqual(
      Array(11).fill('ltr'),
    );
  });
});
