/** English user-facing text: telegram. The Indonesian file i18n/id/telegram.ts must provide the same keys. */
export const telegram = {} as const;
