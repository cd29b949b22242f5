/** English user-facing text: whatsapp. The Indonesian file i18n/id/whatsapp.ts must provide the same keys. */
export const whatsapp = {} as const;
