/**
 * Recognises commands: "/lapor", "/report@LenteraBot", and the same words typed plainly ("lapor",
 * "menu"), in Indonesian or English. A plain word counts only when it is the whole message, so a
 * question such as "lapor ke mana?" still reaches the Q&A.
 */
import type { Lang } from "../messages.js";
import { normaliseRef } from "../tips/reference.js";

export const COMMAND_NAMES = ["start", "help", "cek", "lapor", "status", "hapus", "bahasa", "cancel"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const ALIASES: Record<CommandName, readonly string[]> = {
  start: ["start", "mulai", "menu", "halo", "hai", "hi", "hello"],
  help: ["help", "bantuan", "panduan"],
  cek: ["cek", "check", "periksa", "cektawaran", "checkoffer"],
  lapor: ["lapor", "report", "laporan", "melapor", "aduan", "pengaduan"],
  status: ["status", "cekstatus", "checkstatus"],
  hapus: ["hapus", "delete", "hapusdata", "deletedata", "forget"],
  bahasa: ["bahasa", "language", "lang"],
  cancel: ["batal", "cancel"],
};

const BY_ALIAS = new Map<string, CommandName>(
  COMMAND_NAMES.flatMap((name) => ALIASES[name].map((alias) => [alias, name] as const)),
);

export interface Command {
  name: CommandName;
  /** Text after the command ("/status LTR-7K3Q-9D" → "LTR-7K3Q-9D"). */
  arg: string;
}

/** A whole message that is a report reference (any case, with or without dashes). */
export function looksLikeReference(text: string): boolean {
  return normaliseRef(text.trim()) !== undefined;
}

export function parseCommand(text: string, opts: { plainWords: boolean } = { plainWords: true }): Command | undefined {
  const trimmed = text.trim();
  const slash = /^\/([\p{L}_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/u.exec(trimmed);
  if (slash) {
    const name = BY_ALIAS.get(slash[1]!.toLowerCase());
    return name ? { name, arg: (slash[2] ?? "").trim() } : undefined;
  }
  if (!opts.plainWords) return undefined;
  const plain = trimmed.toLowerCase().replace(/[.!?]+$/, "");
  const single = BY_ALIAS.get(plain);
  if (single) return { name: single, arg: "" };
  // "status LTR-7K3Q-9D" typed without the slash.
  const status = /^(\S+)\s+(.+)$/.exec(trimmed);
  if (status && BY_ALIAS.get(status[1]!.toLowerCase()) === "status" && looksLikeReference(status[2]!))
    return { name: "status", arg: status[2]! };
  return undefined;
}

/** The platform's language setting (Telegram language_code…) as one of ours, if it is one. */
export function langFromHint(hint: string | undefined): Lang | undefined {
  const base = hint?.toLowerCase().split(/[-_]/)[0];
  if (base === "id" || base === "in" || base === "ms" || base === "jv" || base === "su") return "id";
  if (base === "en") return "en";
  return undefined;
}

export function langFromArg(arg: string): Lang | undefined {
  const a = arg.trim().toLowerCase();
  if (["id", "indonesia", "indonesian", "bahasa", "bahasa indonesia", "ind"].includes(a)) return "id";
  if (["en", "english", "inggris", "bahasa inggris", "eng"].includes(a)) return "en";
  return undefined;
}
