/** Stems a question word may match: its own plus those of its synonym group (see SYNONYMS). */
import { SYNONYMS } from "./lexicon.js";
import { stemsOf } from "./tokenize.js";

const groupOfStem = new Map<string, readonly string[]>();
for (const group of SYNONYMS) {
  const stems = [...new Set(group.flatMap((w) => stemsOf(w)))];
  for (const s of stems) groupOfStem.set(s, stems);
}

const cache = new Map<string, readonly string[]>();

export function matchingStems(word: string): readonly string[] {
  let out = cache.get(word);
  if (!out) {
    const own = stemsOf(word);
    const group = own.map((s) => groupOfStem.get(s)).find(Boolean);
    out = group ? [...new Set([...own, ...group])] : own;
    if (cache.size > 50_000) cache.clear();
    cache.set(word, out);
  }
  return out;
}
