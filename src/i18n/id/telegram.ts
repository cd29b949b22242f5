/** Teks untuk pengguna (Bahasa Indonesia): telegram. */
import type { Texts } from "../types.js";

export const telegram: Texts["telegram"] = {};
