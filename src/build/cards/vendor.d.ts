// The packages that satori lays text out with ship no types; these cover the
// calls the card layout makes, which must be satori's own (layout.ts).

declare module '@shuding/opentype.js' {
  export interface PathCommand {
    type: 'M' | 'L' | 'Q' | 'C' | 'Z';
    x: number;
    y: number;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
  }
  export interface Glyph {
    path: { commands: PathCommand[]; unitsPerEm?: number } | undefined;
  }
  export interface Font {
    unitsPerEm: number;
    ascender: number;
    descender: number;
    charToGlyphIndex(char: string): number;
    glyphs: { get(index: number): Glyph | undefined };
  }
  const opentype: { parse(data: ArrayBuffer, options?: { lowMemory?: boolean }): Font };
  export default opentype;
}

declare module 'harfbuzzjs' {
  interface Destroyable {
    destroy(): void;
  }
  export interface HbFont extends Destroyable {
    setScale(x: number, y: number): void;
  }
  export interface HarfBuzz {
    createBlob(data: Uint8Array): Destroyable;
    createFace(blob: Destroyable, index: number): Destroyable;
    createFont(face: Destroyable): HbFont;
    createBuffer(): Destroyable & {
      addText(text: string): void;
      guessSegmentProperties(): void;
      setDirection(direction: 'ltr' | 'rtl'): void;
      getGlyphInfos(): { codepoint: number; cluster: number }[];
      getGlyphPositions(): { x_advance: number; y_advance: number; x_offset: number; y_offset: number }[];
    };
    shape(font: HbFont, buffer: Destroyable): void;
  }
  const harfbuzz: Promise<HarfBuzz>;
  export default harfbuzz;
}

declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
