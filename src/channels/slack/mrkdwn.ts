/**
 * Safe rendering of untrusted text (reporter text, entities, officer input) into Slack mrkdwn.
 * Slack's control sequences all start with `<` (`<!channel>`, `<@U…>`, `<https://…|label>`), so
 * escaping `&`, `<` and `>` as Slack documents makes mention and link injection impossible; sections
 * that carry such text are also sent with `verbatim: true` so Slack does not auto-link names or URLs.
 * Formatting (*bold*, _italic_, ~strike~, `code`, "> " quotes) has no escape in mrkdwn, so prose a
 * reporter wrote is not put in mrkdwn at all: blocks.ts shows it as plain_text.
 */

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Inline code, so scam links and handles are shown, not turned into clickable links. */
export function codeSpan(text: string): string {
  return "`" + escapeMrkdwn(text.replace(/[`\n\r]/g, " ")) + "`";
}

/** Cuts text to `max` characters (Slack rejects section texts over 3,000) with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** `<@U…>` for a Slack user id; anything else (CLI actors, "system") as escaped text. */
export function actorMention(actor: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(actor) ? `<@${actor}>` : escapeMrkdwn(actor);
}

/** Slack renders `<!date^…>` in each reader's own time zone; the fallback is UTC. */
export function slackDate(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = at.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallback}>`;
}

/** A message link Slack resolves for workspace members, from the team URL auth.test returns. */
export function permalink(teamUrl: string, channel: string, ts: string): string {
  const base = teamUrl.endsWith("/") ? teamUrl : `${teamUrl}/`;
  return `${base}archives/${channel}/p${ts.replace(".", "")}`;
}

/**
 * Markup for SLACK_URGENT_MENTION: a user group id (S…), a user id (U…/W…) or here/channel.
 * Anything else is ignored rather than sent raw.
 */
export function mentionMarkup(target: string | undefined): string | undefined {
  if (!target) return undefined;
  if (/^S[A-Z0-9]{2,}$/.test(target)) return `<!subteam^${target}>`;
  if (/^[UW][A-Z0-9]{2,}$/.test(target)) return `<@${target}>`;
  if (target === "here" || target === "channel") return `<!${target}>`;
  return undefined;
}
