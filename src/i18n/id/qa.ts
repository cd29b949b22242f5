/** Teks untuk pengguna (Bahasa Indonesia): qa. */
import type { Texts } from "../types.js";

export const qa: Texts["qa"] = {};
