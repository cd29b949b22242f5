/** English user-facing text: common. The Indonesian file i18n/id/common.ts must provide the same keys. */
export const common = {
  welcome:
    "Hi, I am Lentera. I help you work abroad safely.\n" +
    "• Ask me anything about working abroad legally.\n" +
    "• Send me a job offer and I will check it for warning signs.\n" +
    "• Report someone missing, a recruiter, or someone in danger.\n" +
    "In danger now? Call the police: 110, or tell me what is happening.",
  help:
    "What you can send:\n" +
    "/cek – check a job offer\n" +
    "/lapor – make a report\n" +
    "/status NUMBER – check your report\n" +
    "/bahasa – change language\n" +
    "/hapus – delete your data\n" +
    "Or just type your question.\n" +
    "In danger now? Call the police: 110.",
  menu: {
    check: "Check a job offer",
    report: "Make a report",
    status: "Check my report",
    language: "Bahasa / Language",
    delete: "Delete my data",
  },
  chooseLanguage: "Choose your language / Pilih bahasa:",
  languageNames: { id: "Bahasa Indonesia", en: "English" },
  languageSet: "Okay, I will answer in English.",
  empty: "Please type a message. Send /help to see what I can do.",
  nothingToCancel: "There is nothing to cancel.",
  error: "Sorry, something went wrong on our side. Please try again in a moment.",
  tooLong: (max: number) => `That message is too long for me. Please send at most ${max.toLocaleString("en")} characters at a time.`,
  /** Sent once per window to a sender over the per-minute message limit (every chat channel). */
  rateLimited:
    "You are sending messages faster than I can answer. Please wait a minute, then send your message again. " +
    "If you are in danger right now, call the Indonesian police on 110.",
  reportDanger: "Report it now to an officer",
  source: (titles: string) => `Source: ${titles}`,

  offerAsk: "Paste or forward the job offer here. I will check it for warning signs.",
  offerRisk: {
    high: "HIGH RISK. This offer shows signs of a scam or trafficking. Please do not go, and do not pay anything.",
    medium: "Be careful. This offer has some warning signs. Check it well before you decide.",
    low: "I found no strong warning signs. Still, check that the agency is licensed before you pay or leave.",
  },
  offerFlagsTitle: "Warning signs:",
  offerPositivesTitle: "Good signs:",
  offerEvidence: (words: string) => `("${words}")`,
  offerFound: (items: string) => `Found in the offer: ${items}`,
  offerReport: "Report this recruiter",
  offerCheckAnother: "Check another offer",

  consoleIntro: "Lentera chat. Type a message and press Enter. To choose an option, type its number. Ctrl+D to quit.",
  consoleNoChannels:
    "No Telegram or WhatsApp token is set, so Lentera runs here in the console.\n" +
    "To connect channels, set these in .env (see .env.example and README):\n" +
    "• Telegram: TELEGRAM_BOT_TOKEN\n" +
    "• WhatsApp: WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN\n" +
    "• Slack (for officers): SLACK_BOT_TOKEN, SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, SLACK_TRIAGE_CHANNEL",
  startedChannels: (names: string) => `Lentera is running: ${names}. Press Ctrl+C to stop.`,
  listening: (url: string) => `Webhooks and health checks: ${url}`,
  stopping: "Stopping…",
} as const;
