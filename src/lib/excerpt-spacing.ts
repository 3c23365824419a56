/**
 * Pagefind starts a word before every element with an id, so that its
 * anchors begin at a word, and the space it adds shows in excerpts: a
 * citation's link (which holds the id that the bibliography's backlinks lead
 * to) reads "( Aguilar 1996)". Prose never puts a space after an opening
 * bracket, or after a mark that only ever opens (German „ ‚, Spanish ¿ ¡), so
 * it is taken out of the excerpt's text; nor after a quotation mark that opens,
 * “ ‘ ” standing after a space (“ Aguilar), where a closing one stands after a
 * word (German „Wort“ und). Not after « or ‹, which French spaces.
 */
export function closeUpOpenings(text: string): string {
  // At the end of a piece of text, a mark (a matched word) follows.
  return text.replace(/([([{„‚¿¡]|(?<=[\s([{])[“‘”]) (?=\S|$)/gu, '$1');
}
