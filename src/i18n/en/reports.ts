/** English user-facing text: reports. The Indonesian file i18n/id/reports.ts must provide the same keys. */
export const reports = {} as const;
