/** English user-facing text: qa. The Indonesian file i18n/id/qa.ts must provide the same keys. */
export const qa = {
  outOfScope:
    "Sorry, I can't help with that. I can answer questions about working abroad safely and legally, " +
    "check a job offer for red flags, and take reports about trafficking or missing relatives. " +
    "To talk to a person, call the KP2MI call centre 0800-1000 (toll-free in Indonesia).",
  unsure:
    "Sorry, I don't have a reliable answer to that in my sources. Please ask in another way, or talk to a person: " +
    "KP2MI call centre 0800-1000 (toll-free in Indonesia), or your nearest Disnaker or BP3MI office. " +
    "I can also check a job offer for red flags or take a report.",
  unreadable:
    "I could not read a question in that message. Please type your question in words. I can help with working abroad " +
    "safely, checking job offers, and reporting trafficking.",
  /** Emergency contacts come first: every number here is in knowledge/ (checked by test/qa-refusal.test.ts). */
  danger:
    "⚠️ If you are in danger now, get help immediately:\n" +
    "• In Indonesia: police 110 · KP2MI call centre 0800-1000 (toll-free) · SAPA 129 (women and children)\n" +
    "• Abroad: the Indonesian embassy (KBRI) — Phnom Penh WhatsApp +855 12 813 282, Bangkok +66 92-903-1103; " +
    "the panic button in the Safe Travel app; KP2MI from abroad +62 21 29244800\n" +
    "If you can, share your location and keep photos of your passport and documents.",
  dangerReport: "You can report this to our officers right now: send /report. We keep your identity safe.",
  source: "Source",
  sourcesJoiner: "; ",
} as const;
