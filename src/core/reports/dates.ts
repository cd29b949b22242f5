/**
 * Reads the dates people type in chat ("15/03/2025", "15-3-25", "2025-03-15", "15 maret 2025",
 * "march 2025", "kemarin") into an ISO calendar date. Day-first, as written in Indonesia.
 * Whether the date is plausible (not in the future…) is the schema's job.
 */
const MONTHS: Record<string, number> = {};
[
  ["januari january jan", 1], ["februari february feb pebruari", 2], ["maret march mar", 3],
  ["april apr", 4], ["mei may", 5], ["juni june jun", 6], ["juli july jul", 7],
  ["agustus august agu agt aug", 8], ["september sept sep", 9], ["oktober october okt oct", 10],
  ["november nopember nov", 11], ["desember december des dec", 12],
].forEach(([names, month]) => (names as string).split(" ").forEach((n) => (MONTHS[n] = month as number)));

const RELATIVE_DAYS: Record<string, number> = { "hari ini": 0, today: 0, kemarin: 1, yesterday: 1, kemarin_lusa: 2 };

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const fullYear = (y: number) => (y < 100 ? 2000 + y : y);

export function parseDate(input: string, now: Date = new Date()): string | undefined {
  const text = input.toLowerCase().trim().replace(/\s+/g, " ");
  const relative = RELATIVE_DAYS[text] ?? RELATIVE_DAYS[text.replace(/ /g, "_")];
  if (relative !== undefined) return new Date(now.getTime() - relative * 86_400_000).toISOString().slice(0, 10);

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text);
  if (m) return iso(fullYear(Number(m[3])), Number(m[2]), Number(m[1]));

  // "15 maret 2025", "15 mar 25", "maret 2025" (day unknown: the 1st), "march 15, 2025"
  const tokens = text.replace(/,/g, " ").split(" ").filter(Boolean);
  const monthIndex = tokens.findIndex((t) => MONTHS[t.replace(/\.$/, "")] !== undefined);
  if (monthIndex < 0) return undefined;
  const month = MONTHS[tokens[monthIndex]!.replace(/\.$/, "")]!;
  const numbers = tokens.filter((_, i) => i !== monthIndex).map((t) => (/^\d{1,4}$/.test(t) ? Number(t) : NaN));
  if (numbers.some(Number.isNaN) || numbers.length === 0 || numbers.length > 2) return undefined;
  const year = numbers.find((n) => n > 31) ?? (numbers.length === 2 ? numbers[1] : undefined);
  if (year === undefined) return undefined;
  const day = numbers.length === 2 ? numbers.find((n) => n !== year) ?? 1 : 1;
  return iso(fullYear(year), month, day);
}
