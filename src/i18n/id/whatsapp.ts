/** Teks untuk pengguna (Bahasa Indonesia): whatsapp. */
import type { Texts } from "../types.js";

export const whatsapp: Texts["whatsapp"] = {};
