/** Teks untuk pengguna (Bahasa Indonesia): offers. */
import type { Texts } from "../types.js";

export const offers: Texts["offers"] = {};
