// citeproc-js ships no types; citeproc-et-al.ts reaches into it and types what it uses.
declare module 'citeproc' {
  const CSL: unknown;
  export default CSL;
}
