import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Spanish: published as /ui-strings/es.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'Cargando la búsqueda…',
    noResults: 'No hay resultados para «{term}»',
    withFilters: ' con estos filtros',
    tryOther: '. Pruebe con menos palabras o con otras, o vea ',
    browseAll: 'todos los ensayos',
    end: '.',
    results: { one: '{n} resultado', many: '{n} de resultados', other: '{n} resultados' },
    countEnd: '.',
    forTerm: ' para «{term}»',
    failed: 'No se pudo cargar la búsqueda. Compruebe la conexión y vuelva a buscar.',
    noIndexInDev: 'Con `astro dev` la búsqueda no tiene índice: funciona en el sitio construido (`npm run build && npm run preview`).',
    filters: { tag: 'Etiqueta', essay: 'Ensayo' },
  },
  steps: {
    label: 'Coincidencias',
    count: '{n} de {of}',
    previous: 'Coincidencia anterior',
    next: 'Coincidencia siguiente',
    clear: 'Quitar las marcas',
  },
  copy: {
    sectionCopied: 'Enlace a la sección copiado.',
    copyByHand: 'Copie este enlace: {url}',
    notShared: 'No se pudo compartir. El enlace es {url}',
    passageOffer: 'Copiar el enlace a este pasaje',
    passageCopied: 'Enlace al pasaje copiado.',
    citationCopied: 'Cita copiada.',
    citationByHand: 'Seleccione la cita para copiarla.',
  },
  preview: {
    goToEntry: 'Ir a la entrada de la bibliografía',
    goToNote: 'Ir a la nota',
  },
};
