/** English user-facing text: common. The Indonesian file i18n/id/common.ts must provide the same keys. */
export const common = {} as const;
