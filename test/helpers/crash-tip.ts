import { createHash } from "node:crypto";
import type { NewTip } from "../../src/core/tips/types.js";

/** A deterministic tip per sequence number, so the test can check each stored tip is intact. */
export function crashTip(seq: string): NewTip {
  const digits = BigInt(`0x${createHash("sha256").update(seq).digest("hex").slice(0, 12)}`).toString().slice(0, 8);
  return {
    kind: "missing_person",
    lang: "id",
    details: { name: `Orang Hilang ${seq}`, destinationCountry: "Malaysia", employer: `PT Crash ${seq}` },
    entities: [{ type: "phone", value: `+62812${digits}` }],
    attachments: [],
    reporter: { channel: "telegram", address: `chat-${seq}`, contact: `kontak-${seq}` },
    consent: { at: new Date("2026-01-01T00:00:00Z"), noticeVersion: "2026-01" },
  };
}
