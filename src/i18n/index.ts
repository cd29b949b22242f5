/**
 * User-facing text lives here and only here: one catalogue per language (en/, id/), one file per feature.
 * Code asks for `texts(lang).feature.key`.
 */
import type { Lang } from "../core/messages.js";
import * as en from "./en/index.js";
import * as id from "./id/index.js";
import type { Texts } from "./types.js";

const catalogues: Record<Lang, Texts> = { en, id };

export function texts(lang: Lang): Texts {
  return catalogues[lang];
}
export type { Texts };
