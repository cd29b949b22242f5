/** English user-facing text: qa. The Indonesian file i18n/id/qa.ts must provide the same keys. */
export const qa = {} as const;
