/**
 * Letters of the scripts that src/styles/script-faces.css has faces for
 * (Hebrew, Arabic and their presentation forms), which Source Serif 4 lacks.
 */
const SCRIPT_LETTERS = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/** Whether a page showing `text` needs the faces of src/styles/script-faces.css. */
export function needsScriptFaces(...texts: (string | undefined)[]): boolean {
  return texts.some((text) => text !== undefined && SCRIPT_LETTERS.test(text));
}
