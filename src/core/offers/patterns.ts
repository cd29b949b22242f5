/**
 * A small pattern language over canonical words (see normalize.ts), so rules read like the phrases
 * they catch instead of like regular expressions:
 *
 *   tanpa (pengalaman|ijazah)        a word, then one of two words
 *   tiket ~3 (ditanggung|gratis)     up to 3 other words in between (never across a comma or sentence end)
 *   berangkat # hari                 # is any number
 *   dititip*                         any word starting with "dititip"
 *   (visa|izin) kerja? diurus        ? makes the word or group before it optional
 *   transit di? {foreign}            {name} is replaced by a macro (an alternation built elsewhere)
 *
 * Patterns compile to one regular expression each, with bounded repetition only (no backtracking blow-up).
 */
export interface CompiledPattern {
  readonly source: string;
  /** Global: every match in a text. */
  readonly regex: RegExp;
  /** Sticky: a match starting exactly at `lastIndex` (tried only where a first word stands). */
  readonly sticky: RegExp;
  /** Literal words the pattern mentions: the vocabulary the speller corrects typos toward. */
  readonly words: readonly string[];
  /** Words one of which must occur for the pattern to match (its possible first words); undefined if any word can start it. */
  readonly firstWords?: ReadonlySet<string>;
}

/** A regex source plus the words that can start it (undefined: anything can). */
interface Part {
  regex: string;
  first: Set<string> | undefined;
}

const union = (parts: readonly Part[]): Set<string> | undefined =>
  parts.some((p) => !p.first) ? undefined : new Set(parts.flatMap((p) => [...p.first!]));

const WORD_BOUNDARY_BEFORE = "(?<![^ ])";
const WORD_BOUNDARY_AFTER = "(?![^ ])";

type Element = { kind: "gap"; max: number } | ({ kind: "part"; optional: boolean } & Part);

class Parser {
  #pos = 0;
  readonly words: string[] = [];
  constructor(private readonly src: string) {}

  parse(): Part {
    const out = this.#alternatives();
    if (this.#pos < this.src.length) throw this.#error("unexpected ')'");
    return out;
  }

  #alternatives(): Part {
    const alts = [this.#sequence()];
    while (this.src[this.#pos] === "|") {
      this.#pos++;
      alts.push(this.#sequence());
    }
    if (alts.length === 1) return alts[0]!;
    return { regex: `(?:${alts.map((a) => a.regex).join("|")})`, first: union(alts) };
  }

  #sequence(): Part {
    const elements: Element[] = [];
    for (;;) {
      this.#skipSpaces();
      const c = this.src[this.#pos];
      if (c === undefined || c === "|" || c === ")") break;
      elements.push(this.#element());
    }
    const first = elements[0];
    if (!first || first.kind !== "part" || first.optional) throw this.#error("a sequence must start with a required word");
    let out = first.regex;
    for (const el of elements.slice(1)) {
      if (el.kind === "gap") out += `(?: [^ .,]+){0,${el.max}}`;
      else if (el.optional) out += `(?: ${el.regex})?`;
      else out += ` ${el.regex}`;
    }
    return { regex: out, first: first.first };
  }

  #element(): Element {
    const c = this.src[this.#pos]!;
    if (c === "~") {
      const m = /^~(\d+)/.exec(this.src.slice(this.#pos));
      if (!m) throw this.#error("~ needs a number");
      this.#pos += m[0].length;
      return { kind: "gap", max: Number(m[1]) };
    }
    let part: Part;
    if (c === "(") {
      this.#pos++;
      const inner = this.#alternatives();
      part = { regex: `(?:${inner.regex})`, first: inner.first };
      if (this.src[this.#pos] !== ")") throw this.#error("missing ')'");
      this.#pos++;
    } else if (c === "#") {
      this.#pos++;
      part = { regex: "\\d+", first: undefined };
    } else {
      const m = /^([a-z0-9]+)(\*?)/.exec(this.src.slice(this.#pos));
      if (!m) throw this.#error(`unexpected '${c}'`);
      this.#pos += m[0].length;
      this.words.push(m[1]!);
      part = m[2] ? { regex: `${m[1]}[a-z0-9]*`, first: undefined } : { regex: m[1]!, first: new Set([m[1]!]) };
    }
    const optional = this.src[this.#pos] === "?";
    if (optional) this.#pos++;
    return { kind: "part", optional, ...part };
  }

  #skipSpaces() {
    while (this.src[this.#pos] === " ") this.#pos++;
  }

  #error(message: string): Error {
    return new Error(`offer pattern "${this.src}" at ${this.#pos}: ${message}`);
  }
}

/** Compiles one pattern; `{name}` is replaced by `macros[name]` first. Throws on a malformed pattern. */
export function compilePattern(source: string, macros: Readonly<Record<string, string>> = {}): CompiledPattern {
  const expanded = source.replace(/\{(\w+)\}/g, (_, name: string) => {
    const macro = macros[name];
    if (macro === undefined) throw new Error(`offer pattern "${source}": unknown macro {${name}}`);
    return `(${macro})`;
  });
  const parser = new Parser(expanded.trim().replace(/\s+/g, " "));
  const body = parser.parse();
  const regex = `${WORD_BOUNDARY_BEFORE}${body.regex}${WORD_BOUNDARY_AFTER}`;
  return {
    source,
    regex: new RegExp(regex, "g"),
    sticky: new RegExp(regex, "y"),
    words: parser.words,
    ...(body.first ? { firstWords: body.first } : {}),
  };
}

/** Alternation of phrases for use as a macro: "phnom penh|kamboja". */
export const alternation = (phrases: readonly string[]): string => phrases.join("|");
