/**
 * Amounts of money in an offer ("Gaji $1000-1500/bln", "gaji 9jt bersih", "RM 2.000", "THB 60,000/month",
 * "DP Rp2.500.000", "USD 3,000 penalty"), with the currency normalised to an ISO code, the period, and
 * whether the words around it make it a salary or a fee.
 *
 * IDR_PER_UNIT holds rough exchange rates used only to compare a salary with what a job normally pays
 * (never shown to users): a factor of two either way does not change which side of a threshold an
 * offer falls on.
 */
export type Period = "month" | "day" | "hour" | "week" | "year";

export interface MoneyMention {
  amount: number;
  /** Upper bound of a range ("12-18 juta"). */
  max?: number;
  currency: string;
  period?: Period;
  kind: "salary" | "fee" | "other";
  text: string;
  start: number;
  end: number;
}

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  rp: "IDR", idr: "IDR", rupiah: "IDR",
  usd: "USD", "us$": "USD", $: "USD", dollar: "USD", dolar: "USD", dollars: "USD",
  rm: "MYR", myr: "MYR", ringgit: "MYR",
  thb: "THB", baht: "THB", bath: "THB", "฿": "THB",
  sgd: "SGD", "s$": "SGD",
  hkd: "HKD", "hk$": "HKD",
  twd: "TWD", ntd: "TWD", "nt$": "TWD",
  jpy: "JPY", yen: "JPY", "¥": "JPY",
  krw: "KRW", won: "KRW", "₩": "KRW",
  eur: "EUR", euro: "EUR", "€": "EUR",
  gbp: "GBP", "£": "GBP",
  aed: "AED", dirham: "AED",
  sar: "SAR", riyal: "SAR",
  qar: "QAR",
  kwd: "KWD",
  php: "PHP", peso: "PHP", "₱": "PHP",
  cny: "CNY", rmb: "CNY", yuan: "CNY",
  aud: "AUD",
  vnd: "VND",
  khr: "KHR", riel: "KHR",
};

const IDR_PER_UNIT: Readonly<Record<string, number>> = {
  IDR: 1, USD: 16_000, MYR: 3_500, THB: 450, SGD: 12_000, HKD: 2_000, TWD: 500, JPY: 105, KRW: 11.5,
  EUR: 17_500, GBP: 20_500, AED: 4_400, SAR: 4_300, QAR: 4_400, KWD: 52_000, PHP: 280, CNY: 2_200,
  AUD: 10_500, VND: 0.63, KHR: 4,
};

const MONTHLY_FACTOR: Readonly<Record<Period, number>> = { month: 1, day: 26, hour: 208, week: 4.33, year: 1 / 12 };

// "jutaan", "10jtan", "500rban": "about N million/thousand".
const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^(juta(?:an)?|jt(?:an)?|jta|jeti|million|mil|mio|m)$/i, 1e6],
  [/^(ribu(?:an)?|rb(?:an)?|rbu|k)$/i, 1e3],
  [/^(miliar|milyar|billion|b)$/i, 1e9],
];

const symbols = Object.keys(CURRENCY_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[$]/g, "\\$"));
const CUR = `(?:${symbols.join("|")})`;
const NUM = String.raw`\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;
const MULT = String.raw`(?:(?:juta|jt|ribu|rb)(?:an)?|jta|jeti|million|mil|mio|rbu|miliar|milyar|billion|k|m)`;
/** Rupiah written out without "Rp" ("gaji 10.000.000"): only millions with thousands separators count. */
const BARE_RUPIAH = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$/;
const RANGE = String.raw`\s?(?:-|–|~|s\/d|sd|sampai|hingga|to|until)\s?`;

// Currency before the number: "USD 1,200", "$1000-1500", "Rp2.500.000", "RM 2.000".
const CURRENCY_FIRST = new RegExp(
  String.raw`(?<![\p{L}\d])(${CUR})\.?\s?(${NUM})(?:\s?(${MULT})(?![\p{L}]))?(?:${RANGE}(?:${CUR})?\.?\s?(${NUM})(?:\s?(${MULT})(?![\p{L}]))?)?`,
  "giu",
);
// Number before the unit/currency: "12-18 juta", "9jt", "1.300 USD", "THB" after, "60,000 baht".
const NUMBER_FIRST = new RegExp(
  String.raw`(?<![\p{L}\d.,$])(${NUM})(?:\s?(${MULT})(?![\p{L}]))?(?:${RANGE}(${NUM}))?(?:\s?(${MULT})(?![\p{L}]))?(?:\s?(${CUR})(?![\p{L}]))?`,
  "giu",
);

const PERIOD_AFTER =
  /^[^\n.!?]{0,20}?(?:\/\s?|\bper\s?|\bse|\btiap\s|\beach\s|\ba\s|\ban\s)(bulan|bln|month|mo|mon|hari|hr|day|jam|hour|minggu|week|tahun|thn|th|year|yr)\b|^\s?(?:\+\s?\w+\s)?(bulanan|monthly|harian|daily|hourly|mingguan|weekly|tahunan|yearly|annually)\b/i;
const PERIODS: ReadonlyArray<[RegExp, Period]> = [
  [/^(bulan|bln|month|mo|mon|bulanan|monthly)$/i, "month"],
  [/^(hari|hr|day|harian|daily)$/i, "day"],
  [/^(jam|hour|hourly)$/i, "hour"],
  [/^(minggu|week|mingguan|weekly)$/i, "week"],
  [/^(tahun|thn|th|year|yr|tahunan|yearly|annually)$/i, "year"],
];

const SALARY_WORDS = /\b(gaji|gajih|gj|salary|upah|wages?|income|penghasilan|pendapatan|earn|earning|take home|thp|bayaran|digaji|pay|sebulan|perbulan)\b/i;
const FEE_WORDS =
  /\b(biaya|bayar|membayar|dp|deposit|fees?|ongkos|transfer|tf|uang muka|jaminan|denda|penalty|penalti|pinalti|potong|admin|administrasi|charges?|costs?|harga|modal|setor|pungutan|iuran)\b/i;
/** "$1,000 + bonus", "1,000 USD base": an amount followed by pay extras or a pay word is the salary. */
const PAY_EXTRAS_AFTER = /^\s?(?:\+\s?(bonus|komisi|commission|tips|insentif|incentive|tunjangan|allowance|accommodation|akomodasi|housing|mess|makan|meals)|(base|basic|pokok|bersih|net|nett|gross)\b)/i;
const OTHER_WORDS = /\b(bonus|komisi|commission|tip|tips|insentif|incentive|tunjangan|allowance|uang makan)\b/i;

const KEYWORDS = [
  ["salary", new RegExp(SALARY_WORDS.source, "gi")],
  ["fee", new RegExp(FEE_WORDS.source, "gi")],
  ["other", new RegExp(OTHER_WORDS.source, "gi")],
] as const;

/** "2.500.000" → 2500000, "1,200" → 1200, "2,5" → 2.5, "1.5" → 1.5. */
function parseNumber(raw: string): number {
  if (/^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.test(raw)) return Number(raw.replace(/[.,]/g, ""));
  if (/^\d{1,3}(?:,\d{3})+\.\d{1,2}$/.test(raw)) return Number(raw.replace(/,/g, ""));
  if (/^\d{1,3}(?:\.\d{3})+,\d{1,2}$/.test(raw)) return Number(raw.replace(/\./g, "").replace(",", "."));
  return Number(raw.replace(",", "."));
}

function multiplier(word: string | undefined): number {
  if (!word) return 1;
  for (const [re, factor] of MULTIPLIERS) if (re.test(word)) return factor;
  return 1;
}

function periodAfter(text: string, end: number): Period | undefined {
  const m = PERIOD_AFTER.exec(text.slice(end, end + 30));
  const word = m?.[1] ?? m?.[2];
  if (!word) return undefined;
  return PERIODS.find(([re]) => re.test(word))?.[1];
}

/** The words of the same sentence before the amount decide what it is; the nearest keyword wins. */
function classify(text: string, start: number, end: number, period: Period | undefined): MoneyMention["kind"] {
  const before = text.slice(Math.max(0, start - 48), start).split(/[.!?\n]\s/).pop() ?? "";
  let best: { kind: MoneyMention["kind"]; at: number } | undefined;
  for (const [kind, re] of KEYWORDS) {
    let last = -1;
    for (const m of before.matchAll(re)) last = m.index;
    if (last >= 0 && (!best || last > best.at)) best = { kind, at: last };
  }
  if (best) return best.kind;
  const after = text.slice(end, end + 24);
  if (FEE_WORDS.test(after)) return "fee";
  return period || PAY_EXTRAS_AFTER.test(after) ? "salary" : "other";
}

function mention(text: string, m: RegExpExecArray, amount: number, max: number | undefined, currency: string): MoneyMention {
  const start = m.index;
  const end = start + m[0].trimEnd().length;
  const period = periodAfter(text, end);
  return {
    amount,
    ...(max !== undefined && max > amount ? { max } : {}),
    currency,
    ...(period ? { period } : {}),
    kind: classify(text, start, end, period),
    text: text.slice(start, end).trim(),
    start,
    end,
  };
}

export function findMoney(text: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  for (const m of text.matchAll(CURRENCY_FIRST)) {
    const currency = CURRENCY_WORDS[m[1]!.toLowerCase()]!;
    const upperMult = multiplier(m[5]);
    const lowerMult = m[3] ? multiplier(m[3]) : upperMult;
    const amount = parseNumber(m[2]!) * lowerMult;
    const max = m[4] ? parseNumber(m[4]) * upperMult : undefined;
    found.push(mention(text, m, amount, max, currency));
  }
  for (const m of text.matchAll(NUMBER_FIRST)) {
    const unit = m[5]?.toLowerCase();
    const mult = multiplier(m[2] ?? m[4]);
    // A bare number is not money, unless written as rupiah millions after a pay or fee word ("gaji 10.000.000");
    // a multiplier without currency is rupiah ("9jt", "12-18 juta").
    const bare = !unit && mult === 1;
    if (bare && !BARE_RUPIAH.test(m[1]!)) continue;
    if (found.some((f) => m.index < f.end && m.index + m[0].length > f.start)) continue;
    const currency = unit ? CURRENCY_WORDS[unit]! : "IDR";
    const lowerMult = m[2] ? multiplier(m[2]) : mult;
    const amount = parseNumber(m[1]!) * lowerMult;
    const max = m[3] ? parseNumber(m[3]) * (m[4] ? multiplier(m[4]) : lowerMult) : undefined;
    const money = mention(text, m, amount, max, currency);
    if (!bare || money.kind !== "other") found.push(money);
  }
  return found.filter((f) => f.amount > 0).sort((a, b) => a.start - b.start);
}

/** Monthly pay in rupiah, from the top of the range (ads lure with "up to"). */
export function monthlyIdr(m: MoneyMention): number {
  const rate = IDR_PER_UNIT[m.currency] ?? 1;
  return (m.max ?? m.amount) * rate * MONTHLY_FACTOR[m.period ?? "month"];
}
