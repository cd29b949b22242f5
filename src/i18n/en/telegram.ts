/** English user-facing text: telegram. The Indonesian file i18n/id/telegram.ts must provide the same keys. */
export const telegram = {
  /** The command menu Telegram shows next to the input field (setMyCommands, default language). */
  menu: [
    { command: "start", description: "What this bot does, privacy, main menu" },
    { command: "cek", description: "Check a job offer for red flags" },
    { command: "report", description: "Report a recruiter, a missing person or someone in danger" },
    { command: "status", description: "Check a report: /status REFERENCE" },
    { command: "language", description: "Bahasa Indonesia / English" },
    { command: "hapus", description: "Delete my data" },
    { command: "help", description: "How to use this bot" },
  ],
  unsupported:
    "I can read text, photos and documents, but not this kind of message (for example voice notes or stickers). " +
    "Please type your message.",
  privateOnly: "For your safety I only talk in a private chat. Please open a private chat with me.",
} as const;
