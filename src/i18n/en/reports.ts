/** English user-facing text: reports. The Indonesian file i18n/id/reports.ts must provide the same keys. */
export const reports = {
  chooseKind: "What do you want to report?",
  kinds: {
    missing_person: "Someone is missing",
    recruiter: "A recruiter or job offer",
    danger_now: "Someone is in danger now",
    other: "Something else",
  },
  kindNames: {
    missing_person: "missing person",
    recruiter: "recruiter / job offer",
    danger_now: "person in danger",
    other: "other",
  },
  // Numbers from the fact sheet: police 110 (F-78), KP2MI +62 21 29244800 from abroad (F-70).
  dangerFirst:
    "If a life is in danger right now, call the police: 110 (in Indonesia). From abroad, call KP2MI: +62 21 29244800, or the nearest Indonesian embassy.",

  consent: (days: number) =>
    "Before we start, please read this:\n" +
    "• We keep what you tell us in this report, and this chat's address so we can reply to you.\n" +
    "• Why: so trained officers can help and look into it.\n" +
    `• How long: until the case is closed, then ${days} more days. Then we delete it.\n` +
    "• Who sees it: only the officers who handle reports. They see your contact only if you give it.\n" +
    "We never keep your location or device details. You can stay anonymous. You can delete everything any time with /hapus.\n" +
    "Do you agree?",
  consentYes: "Yes, I agree",
  consentNo: "No",
  consentDeclined: "Okay. Nothing was saved. You can still ask me questions. If you are in danger, call 110.",

  questions: {
    name: "What is the missing person's name?",
    age: "How old are they? (a number)",
    relationship: "Who is this person to you?",
    destinationCountry: "Which country did they go to?",
    destinationCity: "Which city or area, if you know?",
    employer: "Who sent or employed them? (company, agent's name or number)",
    lastContactDate: "When did you last hear from them? (for example 15/03/2025)",
    lastContactChannel: "How did you last talk to them?",
    photo: "If you have a photo of them, send it now. Or choose Skip.",
    offerText: "Paste the job offer or message you got, if you have it.",
    recruiterName: "What is the recruiter's or company's name?",
    recruiterContact: "Their phone number, account or link?",
    howContacted: "How did they contact you?",
    where: "Where is the person now? (country, city, building, anything you know)",
    howMany: "How many people are in danger? (a number)",
    whatIsHappening: "What is happening? A few words are enough.",
    description: "Tell us what you want to report.",
    contact: "How can an officer reach you? (phone number or account)\nChoose Skip to stay anonymous.",
  },
  labels: {
    name: "Name",
    age: "Age",
    relationship: "Relationship",
    destinationCountry: "Country",
    destinationCity: "City / area",
    employer: "Sent or employed by",
    lastContactDate: "Last contact",
    lastContactChannel: "Last contact by",
    photo: "Photo",
    offerText: "Offer",
    recruiterName: "Recruiter",
    recruiterContact: "Recruiter's contact",
    howContacted: "Contacted by",
    where: "Where",
    howMany: "How many people",
    whatIsHappening: "What is happening",
    description: "Report",
    contact: "Your contact",
  },
  choices: {
    relationship: {
      child: "My child",
      spouse: "My husband / wife",
      sibling: "My brother / sister",
      parent: "My parent",
      relative: "Other family",
      friend: "A friend",
      other: "Other",
    },
    lastContactChannel: {
      whatsapp: "WhatsApp",
      phone_sms: "Phone call / SMS",
      telegram: "Telegram",
      facebook: "Facebook / Messenger",
      other: "Other",
    },
    howContacted: {
      whatsapp: "WhatsApp",
      facebook: "Facebook",
      telegram: "Telegram",
      tiktok_instagram: "TikTok / Instagram",
      in_person: "In person",
      other: "Other",
    },
  },
  photoAttached: "photo attached",
  anonymous: "anonymous (no contact)",
  currentAnswer: (value: string) => `Your answer now: ${value}`,

  skip: "Skip",
  back: "Back",
  cancel: "Cancel report",
  errors: {
    required: "We need this one. Please type an answer, or cancel the report.",
    empty: "Please type an answer, or choose Skip.",
    tooLong: (max: number, length: number) =>
      `That is too long (${length.toLocaleString("en")} characters). Please shorten it to at most ${max.toLocaleString("en")} characters.`,
    notNumber: "Please type a number, for example 25.",
    numberRange: (min: number, max: number) => `Please type a number from ${min} to ${max}.`,
    badDate: "I could not read that date. Please type it like 15/03/2025.",
    future_date: "That date is in the future. Please check it.",
    too_old_date: "That date looks too old. Please check it.",
    pickOption: "Please choose one of the options.",
    needPhoto: "Please send a photo, or choose Skip.",
    recruiter_needs_detail: "Please give at least the offer, the recruiter's name, or their contact.",
    invalid: "I could not use that answer. Please try again.",
  },

  summaryTitle: "Please check your report:",
  confirmQuestion: "Send it to the officers?",
  send: "Send",
  edit: "Change something",
  editWhich: "What do you want to change?",
  cancelled: "Report cancelled. Nothing was sent, and your answers were deleted.",
  submitted: (ref: string, within: string) =>
    `Sent. Your report number is ${ref}\n` +
    `Keep it safe. To check your report, send: /status ${ref}\n` +
    `An officer aims to reply within ${within}. We will message you here.`,
  alreadySent: (ref: string) => `This report was already sent. Your report number is ${ref}\nTo check it, send: /status ${ref}`,
  submitFailed: "Sorry, I could not send your report just now. Your answers are kept. Please choose Send again in a minute.",
  inProgress: "You have a report in progress.",
  continueReport: "Continue my report",
  flowHelp: "You are filling in a report. Answer the question, or choose Skip, Back or Cancel report.",
  durations: {
    minutes: (n: number) => (n === 1 ? "1 minute" : `${n} minutes`),
    hours: (n: number) => (n === 1 ? "1 hour" : `${n} hours`),
    days: (n: number) => (n === 1 ? "1 day" : `${n} days`),
  },

  statusLabels: {
    new: "Received, waiting for an officer",
    claimed: "An officer is working on it",
    needs_info: "An officer needs more information from you",
    escalated: "Passed to a specialist team",
    closed: "Closed",
  },
  statusReply: (ref: string, kind: string, status: string, sent: string) =>
    `Report ${ref} (${kind})\nStatus: ${status}\nSent: ${sent}`,
  statusDue: (due: string) => `An officer aims to reply by ${due}.`,
  statusUnknown: (ref: string) => `I found no report with the number ${ref}. Please check the number and try again.`,
  statusAsk: "Please send your report number, for example LTR-7K3Q-9D.",
  statusMine: (refs: string) => `Your reports from this chat: ${refs}`,
  timeZone: "WIB",

  noticeQuestion: (ref: string, question: string) =>
    `An officer has a question about your report ${ref}:\n"${question}"\nJust reply here to answer.`,
  noticeStatus: (ref: string, status: string) => `Update on your report ${ref}: ${status}.`,
  noticeNote: (note: string) => `Message from the officer: "${note}"`,
  replyForwarded: (ref: string) => `Thank you. Your answer was sent to the officer (report ${ref}).`,

  deleteConfirm:
    "This deletes all your reports and everything you told us here. Officers will not be able to reach you about them. Delete everything?",
  deleteYes: "Yes, delete everything",
  deleteNo: "No, keep it",
  deleteDone: (n: number) =>
    n === 0 ? "Done. Your data here was deleted." : `Done. Deleted ${n === 1 ? "1 report" : `${n} reports`} and your data here.`,
  deleteKept: "Okay, nothing was deleted.",
} as const;
