/**
 * Reporter-facing tip references such as `LTR-7K3Q-9D`: 6 characters drawn with crypto randomness
 * from 32 symbols that cannot be confused when read aloud or copied by hand (no 0/O, 1/I), i.e. 30
 * random bits — nothing sequential, nothing derived from the tip.
 */
import { randomInt } from "node:crypto";

export const REF_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const PREFIX = "LTR";
const REF_PATTERN = new RegExp(`^${PREFIX}-[${REF_ALPHABET}]{4}-[${REF_ALPHABET}]{2}$`);

export function generateRef(): string {
  const symbols = Array.from({ length: 6 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join("");
  return `${PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** Canonical form of what a person typed ("ltr 7k3q 9d", "LTR7K3Q9D"), or undefined if it cannot be a reference. */
export function normaliseRef(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s\-_.]/g, "");
  if (!compact.startsWith(PREFIX) || compact.length !== PREFIX.length + 6) return undefined;
  const body = compact.slice(PREFIX.length);
  const ref = `${PREFIX}-${body.slice(0, 4)}-${body.slice(4)}`;
  return REF_PATTERN.test(ref) ? ref : undefined;
}
