/**
 * Loads knowledge/*.md: YAML front matter (validated) and FAQ-style `## ` sections, each section one passage.
 * Files are read in sorted order so every instance derives the same passages and the same content hash.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { z } from "zod";
import { langSchema } from "../messages.js";
import { splitSections } from "./split.js";
import type { KnowledgeBase, KnowledgeDoc, Passage } from "./types.js";

/** knowledge/ at the repository root, wherever the process was started from. */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../knowledge");

const dateText = z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "id: lower-case letters, digits, . _ -"),
  title: z.string().min(1),
  language: langSchema,
  topics: z.array(z.string()).default([]),
  last_reviewed: dateText,
  sources: z
    .array(
      z.object({
        title: z.string().min(1),
        url: z.string().optional(),
        date: dateText.optional(),
        facts: z.array(z.string()).default([]),
      }),
    )
    .min(1, "every document needs at least one source"),
});

export class KnowledgeError extends Error {}

export async function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<KnowledgeBase> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".md")).sort();
  const hash = createHash("sha256");
  const docs: KnowledgeDoc[] = [];
  const passages: Passage[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const raw = await readFile(path.join(dir, file), "utf8");
    hash.update(file).update("\0").update(raw).update("\0");
    const parsed = matter(raw);
    const fm = frontMatterSchema.safeParse(parsed.data);
    if (!fm.success) {
      throw new KnowledgeError(`${file}: ${fm.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    if (seen.has(fm.data.id)) throw new KnowledgeError(`${file}: duplicate document id ${fm.data.id}`);
    seen.add(fm.data.id);
    const doc: KnowledgeDoc = {
      id: fm.data.id,
      title: fm.data.title,
      language: fm.data.language,
      topics: fm.data.topics,
      lastReviewed: fm.data.last_reviewed,
      sources: fm.data.sources,
      file,
    };
    docs.push(doc);
    passages.push(...(await splitSections(doc, parsed.content)));
  }
  return { docs, passages, hash: hash.digest("hex") };
}
