import type { Lang } from "../messages.js";

export interface KnowledgeSource {
  title: string;
  url?: string;
  date?: string;
  facts: string[];
}

export interface KnowledgeDoc {
  id: string;
  title: string;
  language: Lang;
  topics: string[];
  lastReviewed: string;
  sources: KnowledgeSource[];
  file: string;
}

/** One retrievable unit: a `## ` section of a document (or a part of a long one). */
export interface Passage {
  /** `<doc id>#<section slug>` (plus `-<n>` for parts of a long section); stable across rebuilds. */
  id: string;
  docId: string;
  /** Document title: the source name shown with answers. */
  title: string;
  heading: string;
  /** Section body without its source line. */
  text: string;
  /** What the section's `Sumber:` / `Source:` line cites, without the label. */
  citation?: string;
  /** URL of the first front-matter source whose facts the section cites. */
  url?: string;
  lang: Lang;
  topics: string[];
}

export interface KnowledgeBase {
  docs: KnowledgeDoc[];
  passages: Passage[];
  /** sha256 over every knowledge file's name and bytes: changes whenever the knowledge changes. */
  hash: string;
}
