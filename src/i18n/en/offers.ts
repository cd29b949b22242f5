/** English user-facing text: offers. The Indonesian file i18n/id/offers.ts must provide the same keys. */
export const offers = {} as const;
