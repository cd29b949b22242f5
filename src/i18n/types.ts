import type * as en from "./en/index.js";

/** Widens English literals to string (and keeps function signatures) so the Indonesian catalogue can be checked against it. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Widen<T[K]> }
        : T;

export type Texts = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
