/**
 * How the outbox worker reacts to a failed Slack call. The distinction that matters for
 * "never post twice" is whether the call may have taken effect: a 429 or a platform error
 * (`ok: false`) certainly did not, while a 5xx, a timeout or a dropped connection may have.
 */
import { webApi } from "@slack/bolt";

const { ErrorCode } = webApi;

export type SlackFailure =
  /** 429: wait at least Retry-After before calling Slack again (any method, any item). */
  | { kind: "rate_limited"; retryAfterMs: number }
  /** Slack or the network is failing: back off globally and try again. */
  | { kind: "unavailable" }
  /** Slack refused this call (e.g. channel_not_found): retry this item later, keep the others going. */
  | { kind: "rejected"; code: string }
  /** Not a Slack error (database, bug): retry this item later. */
  | { kind: "internal" };

/** Platform errors Slack documents as transient ("some aspect of the operation may have succeeded"). */
const TRANSIENT_PLATFORM_ERRORS = new Set(["internal_error", "fatal_error", "request_timeout", "service_unavailable"]);

interface SlackErrorLike {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
}

export function classifySlackFailure(err: unknown): SlackFailure {
  const e = (err ?? {}) as SlackErrorLike;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { kind: "rate_limited", retryAfterMs: Math.max(1, Number(e.retryAfter) || 1) * 1000 };
    case ErrorCode.RequestError:
      return { kind: "unavailable" };
    case ErrorCode.HTTPError:
      return Number(e.statusCode) >= 500 ? { kind: "unavailable" } : { kind: "rejected", code: `http_${String(e.statusCode)}` };
    case ErrorCode.PlatformError: {
      const code = String(e.data?.error ?? "unknown");
      return TRANSIENT_PLATFORM_ERRORS.has(code) ? { kind: "unavailable" } : { kind: "rejected", code };
    }
    default:
      return { kind: "internal" };
  }
}

/** True when a failed post may nevertheless have been published. */
export function mayHaveTakenEffect(err: unknown): boolean {
  const e = (err ?? {}) as SlackErrorLike;
  if (e.code === ErrorCode.RequestError) return true;
  if (e.code === ErrorCode.HTTPError) return Number(e.statusCode) >= 500;
  if (e.code === ErrorCode.PlatformError) return TRANSIENT_PLATFORM_ERRORS.has(String(e.data?.error));
  return false;
}

/** A short, data-free description for logs and the outbox's last_error. */
export function describeSlackFailure(err: unknown): string {
  const failure = classifySlackFailure(err);
  switch (failure.kind) {
    case "rate_limited":
      return `rate limited for ${failure.retryAfterMs} ms`;
    case "rejected":
      return `rejected: ${failure.code}`;
    case "unavailable":
      return `unavailable: ${String((err as SlackErrorLike).code ?? "")} ${String((err as SlackErrorLike).statusCode ?? "")}`.trim();
    case "internal":
      return `internal: ${err instanceof Error ? err.name + ": " + err.message.slice(0, 200) : "unknown"}`;
  }
}
