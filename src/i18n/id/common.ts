/** Teks untuk pengguna (Bahasa Indonesia): common. */
import type { Texts } from "../types.js";

export const common: Texts["common"] = {};
