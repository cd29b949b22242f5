/**
 * Splits a knowledge document at its `## ` headings. Sections are written to answer one question each
 * (250–700 characters), so a section is the natural passage; the rare long one is cut further with
 * langchain's recursive splitter, every part keeping the heading and the source line.
 */
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { KnowledgeDoc, Passage } from "./types.js";

/** Sections longer than this are split: an answer must stay readable on a phone. */
export const MAX_PASSAGE_CHARS = 1_000;
const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 800, chunkOverlap: 80 });
const SOURCE_LINE = /^\s*(?:sumber|sources?)\s*:\s*(.+)$/i;

interface Section { heading: string; lines: string[] }

function sections(content: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  for (const line of content.split(/\r?\n/)) {
    const h = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) out.push((current = { heading: h[1]!, lines: [] }));
    else if (current) current.lines.push(line);
  }
  return out;
}

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "section"
  );
}

function sourceUrl(doc: KnowledgeDoc, citation: string | undefined): string | undefined {
  const facts = new Set(citation?.match(/F-\d+/g) ?? []);
  const cited = doc.sources.find((s) => s.url && s.facts.some((f) => facts.has(f)));
  return (cited ?? doc.sources.find((s) => s.url))?.url;
}

export async function splitSections(doc: KnowledgeDoc, content: string): Promise<Passage[]> {
  const passages: Passage[] = [];
  const slugs = new Map<string, number>();
  for (const section of sections(content)) {
    const bodyLines: string[] = [];
    let citation: string | undefined;
    for (const line of section.lines) {
      const src = SOURCE_LINE.exec(line);
      if (src) citation = src[1]!.trim();
      else bodyLines.push(line);
    }
    const body = bodyLines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
    if (!body) continue;
    const base = slugify(section.heading);
    const n = (slugs.get(base) ?? 0) + 1;
    slugs.set(base, n);
    const slug = n === 1 ? base : `${base}-${n}`;
    const parts = body.length > MAX_PASSAGE_CHARS ? await splitter.splitText(body) : [body];
    parts.forEach((text, i) => {
      passages.push({
        id: `${doc.id}#${slug}${parts.length > 1 ? `-${i + 1}` : ""}`,
        docId: doc.id,
        title: doc.title,
        heading: section.heading,
        text,
        citation,
        url: sourceUrl(doc, citation),
        lang: doc.language,
        topics: doc.topics,
      });
    });
  }
  return passages;
}
