import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { addClass, CLASSES } from './contracts.ts';
import { element, visibleText } from './hast.ts';

/** A cell of more characters than this is a sentence, not a value: its column is given room to read as one. */
const PROSE_CELL = 40;

/**
 * Tables and code blocks may be wider than the text: a seven-column table,
 * a line of code that must not wrap. Each scrolls sideways inside itself
 * (src/styles/figures.css), so that the page never does, and can be
 * focused, so that a keyboard scrolls it too (as formulas, rehype-math.ts).
 * A table is wrapped, since a table's own box does not scroll; its id stays
 * on it, where cross-references point.
 */
export default function rehypeWideBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'pre') {
        node.properties.tabIndex = 0;
        return SKIP;
      }
      if (node.tagName !== 'table' || parent === undefined || index === undefined) return;
      markProseColumns(node);
      // A captioned table's box is a region named by its caption, as a screen reader announces it on focus.
      const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      const name = caption && visibleText(caption).replace(/\s+/g, ' ').trim();
      const scroller = element(
        'div',
        { className: [CLASSES.tableScroll], tabIndex: 0, ...(name ? { role: 'region', ariaLabel: name } : {}) },
        [node],
      );
      scroller.position = node.position;
      parent.children[index] = scroller;
      return SKIP;
    });
  };
}

/**
 * A column of sentences beside columns of values would be squeezed to its
 * longest word, a word a line, where the table is wider than the text: its
 * cells get a minimum width (`.prose-cell`), and the table scrolls instead.
 * Tables with merged cells, whose columns are not the cells' positions, are
 * left as they are.
 */
function markProseColumns(table: Element): void {
  const rows: Element[][] = [];
  visit(table, 'element', (node: Element) => {
    if (node.tagName === 'table' && node !== table) return SKIP;
    if (node.tagName !== 'tr') return;
    rows.push(node.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')));
    return SKIP;
  });
  const cells = rows.flat();
  if (cells.some((cell) => cell.properties.colSpan !== undefined || cell.properties.rowSpan !== undefined)) return;
  const columns = Math.max(0, ...rows.map((row) => row.length));
  for (let column = 0; column < columns; column++) {
    const inColumn = rows.map((row) => row[column]).filter((cell) => cell !== undefined);
    if (!inColumn.some((cell) => toString(cell).trim().length > PROSE_CELL)) continue;
    for (const cell of inColumn) addClass(cell, CLASSES.proseCell);
  }
}
