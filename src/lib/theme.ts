/**
 * The site's light-theme colours, the values of the custom properties that
 * src/styles/global.css declares as the first of each `light-dark()` pair.
 * Link-preview cards are drawn in these (they read best in every app's
 * preview); tests/unit/theme.test.ts checks that the stylesheet says the same.
 */
export const LIGHT = {
  /** `--bg` */
  bg: '#fdfcf8',
  /** `--text` */
  text: '#1f1c18',
  /** `--muted` */
  muted: '#5c554c',
  /** `--rule` */
  rule: '#dcd5ca',
  /** `--accent` */
  accent: '#8a2f1c',
  /** `--accent-soft` */
  'accent-soft': '#f3e6df',
  /** `--surface` */
  surface: '#f5f1ea',
  /** `--mark` */
  mark: '#ffe58a',
  /** `--mark-current` */
  'mark-current': '#ffc640',
  /** `--focus` */
  focus: '#1d5fbf',
} as const;

export type Colour = keyof typeof LIGHT;
