/** Stems a question word may match: its own plus those of its synonym group (see SYNONYMS). */
import { SYNONYMS } from "./lexicon.js";
import { stemsOf } from "./tokenize.js";

const groupOfStem = new Map<string, readonly string[]>();
for (const group of SYNONYMS) {
  const stems = [...new Set(group.flatMap((w) => stemsOf(w)))];
  for (const s of stems) groupOfStem.set(s, stems);
}

export function matchingStems(word: string): readonly string[] {
  const own = stemsOf(word);
  const group = own.map((s) => groupOfStem.get(s)).find(Boolean);
  return group ? [...new Set([...own, ...group])] : own;
}
