/** English user-facing text: whatsapp. The Indonesian file i18n/id/whatsapp.ts must provide the same keys. */
export const whatsapp = {
  /** Label of the button that opens a list message (WhatsApp allows at most 20 characters). */
  listButton: "Choose",
  /** Body of a choice message whose text is empty (WhatsApp requires one). */
  choose: "Please choose:",
  /** Under a numbered list of choices (used when there are too many for buttons or a list). */
  numberedHint: "Reply with the number of your choice.",
  unsupported:
    "I can read text, photos and documents, but not this kind of message (for example voice notes, stickers or locations). " +
    "Please type your message.",
} as const;
