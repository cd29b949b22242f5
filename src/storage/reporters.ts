import type { ReporterChannel } from "../core/messages.js";
import type { FieldCipher } from "./crypto.js";

/** The only stored identifier of a reporter: a keyed pseudonym of channel + routing address. */
export function reporterPseudonym(cipher: FieldCipher, channel: ReporterChannel, address: string): string {
  return cipher.pseudonym(`reporter:${channel}:${address}`);
}
