/**
 * Seeded generators of hostile input for the bad-input suite (test/fuzz-*.test.ts): the same seed
 * gives the same inputs, so a failure can be replayed. Shares the soak's PRNG.
 */
import { Rng } from "../../scripts/soak/rng.js";

export { Rng };

/** Strings that have broken chat bots, parsers and Slack messages before. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " \t\r\n ",
  "\u0000\u0001\u0002\u001b[31m",
  "\u202Eevil.exe\u202C gpj.",
  "\u200B\u200C\u200D\u2060\uFEFF",
  "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 RTL \u202B\u0645\u0631\u062D\u0628\u0627\u202C",
  "👨‍👩‍👧‍👦🇮🇩🏳️‍🌈".repeat(50),
  "Z\u0351\u0359\u0332\u0356a\u035B\u0346\u0351l\u0357\u0308g\u0344\u0313o\u0365",
  "\uD800 lone surrogate \uDFFF",
  "%s%s%n%x ${7*7} {{7*7}} #{7*7}",
  "{{constructor.constructor('return process')()}}",
  "__proto__",
  '{"__proto__":{"polluted":true}}',
  "<script>alert(1)</script><img src=x onerror=alert(1)>",
  "'; DROP TABLE tips; -- \" OR 1=1 --",
  "../../../../etc/passwd",
  "\r\nSet-Cookie: x=1\r\n\r\nHTTP/1.1 200 OK",
  "<!channel> <!here> <!everyone> <@U0OFFICER> <#C0TRIAGE> <!subteam^S123>",
  "<https://evil.example/login|Klik untuk verifikasi> <mailto:x@evil.example|mail>",
  "*bold* _italic_ ~strike~ `code` ```block``` > quote &amp; &lt;b&gt;",
  '"}]}, {"type":"section","text":{"type":"mrkdwn","text":"<!channel> injected"}}',
  "/start", "/lapor", "/hapus", "/status", "/status LTR-2222-22", "/bahasa xx", "/cek", "/unknowncommand arg",
  "LTR-2222-22", "ya", "yes", "1", "99", "-1", "NaN", "null", "undefined", "true",
  "A".repeat(5_000),
  "kerja ".repeat(3_000),
  "\u0645".repeat(4_000),
];

const UNICODE_RANGES: [number, number][] = [
  [0x20, 0x7e], [0x00, 0x1f], [0xa0, 0x24f], [0x300, 0x36f], [0x590, 0x6ff], [0x200b, 0x206f], [0x3040, 0x30ff],
  [0x4e00, 0x4fff], [0xd800, 0xdfff], [0xfe00, 0xfe0f], [0xfff0, 0xffff], [0x1f300, 0x1faff],
];

export function randomUnicode(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    const [lo, hi] = rng.pick(UNICODE_RANGES);
    out += String.fromCodePoint(lo + rng.int(hi - lo + 1));
  }
  return out;
}

/** A hostile string: a known troublemaker, random unicode, or both glued together. */
export function hostileString(rng: Rng, maxLength = 2_000): string {
  switch (rng.int(3)) {
    case 0:
      return rng.pick(HOSTILE_STRINGS);
    case 1:
      return randomUnicode(rng, rng.int(maxLength));
    default:
      return `${rng.pick(HOSTILE_STRINGS)}${randomUnicode(rng, rng.int(50))}${rng.pick(HOSTILE_STRINGS)}`;
  }
}

export function randomBytes(rng: Rng, length: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = rng.int(256);
  return b;
}

export function deepJson(depth: number, kind: "array" | "object" = "array"): string {
  return kind === "array" ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Any JSON value, of any type, possibly nested. */
export function wronglyTyped(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 3 ? 7 : 9)) {
    case 0: return null;
    case 1: return rng.int(2) === 0 ? -rng.int(2 ** 31) : 2 ** 53 + rng.int(1000);
    case 2: return rng.next() * 1e308;
    case 3: return rng.chance(0.5);
    case 4: return hostileString(rng, 200);
    case 5: return "";
    case 6: return {};
    case 7: return Array.from({ length: rng.int(4) }, () => wronglyTyped(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(4) }, () => [hostileString(rng, 20), wronglyTyped(rng, depth + 1)]));
  }
}

/** A copy of `value` with one randomly chosen field (at any depth) replaced by a wrongly typed value, or removed. */
export function mutate<T>(rng: Rng, value: T): T {
  const copy = structuredClone(value) as unknown;
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (v === null || typeof v !== "object") return;
    for (const [k, child] of Object.entries(v)) {
      const p = [...path, Array.isArray(v) ? Number(k) : k];
      paths.push(p);
      walk(child, p);
    }
  };
  walk(copy, []);
  if (paths.length === 0) return wronglyTyped(rng) as T;
  const path = rng.pick(paths);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (rng.chance(0.2)) delete parent[last];
  else parent[last] = wronglyTyped(rng);
  return copy as T;
}

/** What an answer to a caller must never contain: internals (stack frames, file paths, raw errors). */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\bat [\w.<>]+ \(?\/?[\w/.-]+:\d+:\d+\)?/,
  /node_modules|\/work\/|src\/[\w/-]+\.ts/,
  /\b(TypeError|ReferenceError|SyntaxError|RangeError|ZodError)\b/,
  /\[object Object\]|\bundefined\b|\bNaN\b/,
];

/** The first leak pattern found in `text` that the caller's own input (echoed back, e.g. in a summary) does not explain. */
export function leaks(text: string, input = ""): RegExp | undefined {
  return LEAK_PATTERNS.find((p) => p.test(text) && !p.test(input));
}
