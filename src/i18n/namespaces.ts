/** The i18next namespaces: one JSON file per feature in locales/<lang>/<namespace>.json. */
export const NAMESPACES = ['app', 'questionnaire', 'result', 'catalogue', 'errors', 'report', 'portfolio'] as const;
export type Namespace = (typeof NAMESPACES)[number];
