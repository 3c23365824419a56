// Packages that ship no types; these cover the calls this project makes.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: { has(name: string): boolean; add(name: string, xml: string): void };
        locales: { has(name: string): boolean; add(name: string, xml: string): void };
      };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
// citeproc-js ships no types; src/lib/citeproc.ts types the engine it uses.
declare module 'citeproc';
