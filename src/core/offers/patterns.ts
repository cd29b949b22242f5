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
  readonly regex: RegExp;
  /** Literal words the pattern mentions: the vocabulary the speller corrects typos toward. */
  readonly words: readonly string[];
}

const WORD_BOUNDARY_BEFORE = "(?<![^ ])";
const WORD_BOUNDARY_AFTER = "(?![^ ])";

type Element = { kind: "gap"; max: number } | { kind: "part"; regex: string; optional: boolean };

class Parser {
  #pos = 0;
  readonly words: string[] = [];
  constructor(private readonly src: string) {}

  parse(): string {
    const out = this.#alternatives();
    if (this.#pos < this.src.length) throw this.#error("unexpected ')'");
    return out;
  }

  #alternatives(): string {
    const alts = [this.#sequence()];
    while (this.src[this.#pos] === "|") {
      this.#pos++;
      alts.push(this.#sequence());
    }
    return alts.length === 1 ? alts[0]! : `(?:${alts.join("|")})`;
  }

  #sequence(): string {
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
    return out;
  }

  #element(): Element {
    const c = this.src[this.#pos]!;
    if (c === "~") {
      const m = /^~(\d+)/.exec(this.src.slice(this.#pos));
      if (!m) throw this.#error("~ needs a number");
      this.#pos += m[0].length;
      return { kind: "gap", max: Number(m[1]) };
    }
    let regex: string;
    if (c === "(") {
      this.#pos++;
      regex = `(?:${this.#alternatives()})`;
      if (this.src[this.#pos] !== ")") throw this.#error("missing ')'");
      this.#pos++;
    } else if (c === "#") {
      this.#pos++;
      regex = "\\d+";
    } else {
      const m = /^([a-z0-9]+)(\*?)/.exec(this.src.slice(this.#pos));
      if (!m) throw this.#error(`unexpected '${c}'`);
      this.#pos += m[0].length;
      this.words.push(m[1]!);
      regex = m[2] ? `${m[1]}[a-z0-9]*` : m[1]!;
    }
    const optional = this.src[this.#pos] === "?";
    if (optional) this.#pos++;
    return { kind: "part", regex, optional };
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
  return { source, regex: new RegExp(`${WORD_BOUNDARY_BEFORE}${body}${WORD_BOUNDARY_AFTER}`, "g"), words: parser.words };
}

/** Alternation of phrases for use as a macro: "phnom penh|kamboja". */
export const alternation = (phrases: readonly string[]): string => phrases.join("|");
