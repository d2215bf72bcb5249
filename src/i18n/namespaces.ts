/** The i18next namespaces: one JSON file per feature in locales/<lang>/<namespace>.json. */
export const NAMESPACES = ['app', 'questionnaire', 'result', 'catalogue', 'errors', 'pdf', 'portfolio', 'cli'] as const;
export type Namespace = (typeof NAMESPACES)[number];
/** The command line's own messages: never loaded in the browser. */
export const NODE_ONLY_NAMESPACES = ['cli'] as const satisfies readonly Namespace[];
/** In the browser these come with the pages that use them, not in the first language bundle. */
export const LAZY_NAMESPACES = ['result', 'errors', 'portfolio', 'catalogue', 'pdf'] as const satisfies readonly Namespace[];
export type LazyNamespace = (typeof LAZY_NAMESPACES)[number];
/** The namespaces of the language bundle fetched at start. */
export const BUNDLED_NAMESPACES = NAMESPACES.filter(
  (n): n is Exclude<Namespace, LazyNamespace | (typeof NODE_ONLY_NAMESPACES)[number]> => !([...LAZY_NAMESPACES, ...NODE_ONLY_NAMESPACES] as readonly string[]).includes(n),
);
