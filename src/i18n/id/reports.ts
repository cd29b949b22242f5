/** Teks untuk pengguna (Bahasa Indonesia): reports. */
import type { Texts } from "../types.js";

export const reports: Texts["reports"] = {};
