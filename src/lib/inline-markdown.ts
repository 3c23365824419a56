import type { InlineCode, PhrasingContent, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { smartened, smarten } from './smart-punctuation.ts';

/**
 * A title as an author writes it in the frontmatter, with Pandoc's inline
 * Markdown: "Reading *Capital* Again". Only emphasis, strong emphasis and
 * code are read; a line that would open a block (`1917.`, `# …`, `- …`),
 * links, raw HTML and line breaks stay the text they are, since a title is
 * one line of words, shown inside a link on the home page.
 */
const BLOCKS_AND_LINKS = {
  disable: {
    null: [
      'blockQuote',
      'codeFenced',
      'codeIndented',
      'definition',
      'headingAtx',
      'htmlFlow',
      'list',
      'setextUnderline',
      'thematicBreak',
      'autolink',
      'labelStartImage',
      'labelStartLink',
      'htmlText',
      'hardBreakEscape',
      'hardBreakTrailing',
    ],
  },
};

export interface InlineText {
  /** The words alone, for every place that shows text: `<title>`, cards, the feed, metadata, citations. */
  text: string;
  /** The words with their emphasis as HTML, when the title has any: for the page's heading and the home page. */
  html?: string;
}

/**
 * The title's words and HTML; with `marks` (smart-punctuation.ts's
 * quoteMarks), its quotes and dashes set as the essay's text is.
 */
export function inlineMarkdown(markdown: string, marks?: Record<string, string>): InlineText {
  const tree = fromMarkdown(markdown, { extensions: [BLOCKS_AND_LINKS] });
  const paragraph = tree.children[0];
  if (tree.children.length !== 1 || paragraph?.type !== 'paragraph') return { text: marks ? smartened(markdown, marks) : markdown };
  if (marks) {
    // Code reads as a word and keeps what was typed.
    const pieces: (Text | InlineCode)[] = [];
    visit(paragraph, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode') pieces.push(node);
    });
    smarten(pieces, marks, new Set(pieces.filter((piece) => piece.type === 'inlineCode')));
  }
  const text = toString(paragraph);
  const marked = paragraph.children.some((child) => child.type !== 'text');
  return marked ? { text, html: paragraph.children.map(toHtml).join('') } : { text };
}

const ELEMENTS: Partial<Record<PhrasingContent['type'], string>> = { emphasis: 'em', strong: 'strong', inlineCode: 'code' };

function toHtml(node: PhrasingContent): string {
  const tag = ELEMENTS[node.type];
  const inner = 'children' in node ? node.children.map(toHtml).join('') : escape(toString(node));
  return tag ? `<${tag}>${inner}</${tag}>` : inner;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
