/**
 * Long replies cut into messages a chat platform accepts (Telegram and WhatsApp both cap a text
 * message's length); each channel passes its own limit.
 */

/** Splits at the last line break (else space) before the limit, so lines and words stay whole. */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const newline = window.lastIndexOf("\n");
    const space = window.lastIndexOf(" ");
    const at = newline > limit / 2 ? newline : space > limit / 2 ? space : limit;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
