/** `lentera ingest`: rebuilds the retrieval index from knowledge/ and reports what it indexed. */
import { SingleBar, Presets } from "cli-progress";
import { loadConfig } from "../../config.js";
import { createQaService } from "../../core/qa/index.js";
import { createLogger } from "../../logger.js";

export async function ingest(opts: { json?: boolean }): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn");
  // The bar goes to stderr (cli-progress' default) and only on a terminal; stdout keeps the summary.
  const bar = new SingleBar({ format: "Embedding passages [{bar}] {value}/{total}", hideCursor: true }, Presets.shades_classic);
  let started = false;
  const qa = await createQaService({
    config,
    logger,
    rebuild: true,
    onProgress: (done, total) => {
      if (!started) bar.start(total, done);
      else bar.update(done);
      started = true;
    },
  });
  if (started) bar.stop();
  const { knowledge, indexDir, buildMs } = qa.info;
  const byLang = (lang: string) => knowledge.passages.filter((p) => p.lang === lang).length;
  const topics = [...new Set(knowledge.docs.flatMap((d) => d.topics))].sort();
  const summary = {
    documents: knowledge.docs.length,
    passages: knowledge.passages.length,
    passagesByLanguage: { id: byLang("id"), en: byLang("en") },
    topics,
    knowledgeHash: knowledge.hash,
    indexDir,
    ms: buildMs,
  };
  process.stdout.write(
    opts.json
      ? `${JSON.stringify(summary)}\n`
      : `Indexed ${summary.documents} documents, ${summary.passages} passages ` +
          `(id ${summary.passagesByLanguage.id}, en ${summary.passagesByLanguage.en}) in ${summary.ms} ms\n` +
          `Topics: ${topics.join(", ")}\nIndex: ${indexDir}\n`,
  );
}
