/**
 * The vector index on disk: langchain's HNSWLib store under `<dataDir>/index/<key>/`, where the key
 * hashes the knowledge content, the embedding model and the retrieval version. A changed knowledge base
 * gets a new key and so a fresh build; an unchanged one is loaded in milliseconds. Builds are written to a
 * temporary folder and renamed into place, so concurrent instances never read a half-written index, and
 * the build is deterministic (sorted input, FNV hashing, sequential HNSW inserts), so they agree byte for byte.
 */
import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import { Document } from "@langchain/core/documents";
import type { Passage } from "../knowledge/types.js";
import { embeddingsLabel, remoteEmbeddings, type EmbeddingsConfig } from "./embeddings.js";
import { HashEmbeddings } from "./hash-embeddings.js";

/** Bump when tokenisation or features change: old indexes then no longer match and are rebuilt. */
export const RETRIEVAL_VERSION = "7";
const EMBED_BATCH = 64;

export interface Progress { (done: number, total: number): void }

export interface OpenIndexOptions {
  passages: readonly Passage[];
  knowledgeHash: string;
  config: EmbeddingsConfig;
  dataDir: string;
  /** Build even when an index for this content exists (`lentera ingest`). */
  rebuild?: boolean;
  onProgress?: Progress;
}

export interface VectorIndex {
  store: HNSWLib;
  embeddings: Embeddings;
  dir: string;
  built: boolean;
}

/** What is embedded for a passage: the question it answers, its document's title, then the answer. */
export function passageText(p: Passage): string {
  return `${p.heading}\n${p.title}\n${p.text}`;
}

export function indexKey(knowledgeHash: string, config: EmbeddingsConfig): string {
  return createHash("sha256").update(`${knowledgeHash}\0${embeddingsLabel(config)}\0${RETRIEVAL_VERSION}`).digest("hex").slice(0, 24);
}

const exists = (p: string) => access(p).then(() => true, () => false);

export async function openVectorIndex(o: OpenIndexOptions): Promise<VectorIndex> {
  const root = path.join(o.dataDir, "index");
  const key = indexKey(o.knowledgeHash, o.config);
  const dir = path.join(root, key);
  if (!o.rebuild && (await exists(path.join(dir, "manifest.json")))) {
    const embeddings = remoteEmbeddings(o.config) ?? new HashEmbeddings(JSON.parse(await readFile(path.join(dir, "embeddings.json"), "utf8")));
    const store = await HNSWLib.load(dir, embeddings);
    return { store, embeddings, dir, built: false };
  }
  const { store, embeddings } = await buildStore(o.passages, o.config, o.onProgress);
  await persist(store, embeddings, root, key, o);
  return { store, embeddings, dir, built: true };
}

/** Embeds and indexes passages in memory (also used by the benchmark on synthetic passages). */
export async function buildStore(passages: readonly Passage[], config: EmbeddingsConfig, onProgress?: Progress) {
  const texts = passages.map(passageText);
  const embeddings = remoteEmbeddings(config) ?? new HashEmbeddings().fit(texts);
  const vectors: number[][] = [];
  onProgress?.(0, texts.length);
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    vectors.push(...(await embeddings.embedDocuments(texts.slice(i, i + EMBED_BATCH))));
    onProgress?.(vectors.length, texts.length);
  }
  const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: vectors[0]?.length ?? 1 });
  await store.addVectors(vectors, passages.map((p, i) => new Document({ pageContent: texts[i]!, metadata: { id: p.id } })));
  return { store, embeddings };
}

async function persist(store: HNSWLib, embeddings: Embeddings, root: string, key: string, o: OpenIndexOptions): Promise<void> {
  await mkdir(root, { recursive: true });
  const tmp = path.join(root, `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  await store.save(tmp);
  if (embeddings instanceof HashEmbeddings) await writeFile(path.join(tmp, "embeddings.json"), JSON.stringify(embeddings.toJSON()));
  const manifest = { key, knowledgeHash: o.knowledgeHash, embeddings: embeddingsLabel(o.config), version: RETRIEVAL_VERSION, passages: o.passages.length };
  await writeFile(path.join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const dir = path.join(root, key);
  if (o.rebuild && (await exists(dir))) {
    const old = path.join(root, `.old-${process.pid}-${randomBytes(4).toString("hex")}`);
    await rename(dir, old).catch(() => undefined);
    await rm(old, { recursive: true, force: true });
  }
  // Another instance may have finished the same build first; its files are identical, keep them.
  await rename(tmp, dir).catch(() => rm(tmp, { recursive: true, force: true }));
  await pruneStale(root, key);
}

/** Removes indexes of older knowledge versions; best effort (another process may be doing the same). */
async function pruneStale(root: string, key: string): Promise<void> {
  for (const name of await readdir(root)) {
    if (name !== key && !name.startsWith(".tmp-")) await rm(path.join(root, name), { recursive: true, force: true }).catch(() => undefined);
  }
}
