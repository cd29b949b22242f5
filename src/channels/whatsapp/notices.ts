/**
 * Delivers officers' questions and status changes (the durable NoticeQueue, channel "whatsapp")
 * while respecting WhatsApp's 24-hour customer-service window:
 * - inside the window: the notice itself, as free-form messages;
 * - outside it: the pre-approved template WHATSAPP_TEMPLATE_NAME (its one body variable is the
 *   report reference) tells the reporter there is news; the notice itself waits until they write
 *   again (then it is sent in full). Without a template the notice just waits, with a log line.
 * A notice nobody could be told about within a week is dropped from the queue (logged).
 */
import type { OutboundMessage } from "../../core/messages.js";
import type { NoticeQueue, ReporterNotice } from "../../core/ports.js";
import type { Logger } from "../../logger.js";
import type { WhatsAppContacts } from "./contacts.js";
import { GraphApiError, GRAPH_ERRORS, type GraphClient, type OutgoingMessage } from "./graph-client.js";
import { kickable } from "../shared/kickable.js";
import { toWhatsAppMessages } from "./render.js";

export const NOTICE_WAIT_MS = 7 * 24 * 60 * 60_000;
const RETRY_DELAY_MS = 60_000;

export interface NoticeDeliveryOptions {
  notices: NoticeQueue;
  graph: Pick<GraphClient, "send">;
  contacts: WhatsAppContacts;
  render(notice: ReporterNotice): OutboundMessage[];
  template?: { name: string; lang: string };
  logger: Logger;
  pollMs?: number;
  batchSize?: number;
}

export interface NoticeDelivery {
  /** Runs claim-and-send rounds now; resolves when nothing is due. */
  deliverDue(): Promise<void>;
  kick(): void;
  stop(): Promise<void>;
}

const isWindowClosed = (err: unknown) => err instanceof GraphApiError && err.code === GRAPH_ERRORS.reengagementRequired;

function templateMessage(template: { name: string; lang: string }, ref: string): OutgoingMessage {
  return {
    type: "template",
    template: {
      name: template.name,
      language: { code: template.lang },
      components: [{ type: "body", parameters: [{ type: "text", text: ref }] }],
    },
  };
}

export function startNoticeDelivery(options: NoticeDeliveryOptions): NoticeDelivery {
  const { notices, graph, contacts, logger, template } = options;
  const batchSize = options.batchSize ?? 20;

  async function sendFree(address: string, notice: ReporterNotice): Promise<void> {
    for (const reply of options.render(notice)) {
      for (const message of toWhatsAppMessages(reply, notice.lang)) await graph.send(address, message);
    }
  }

  /** Outside the window: announce with the template once, then wait for the reporter to write. */
  async function holdForWindow(id: string, address: string, notice: ReporterNotice): Promise<void> {
    if (await contacts.isParked(id)) {
      logger.warn({ ref: notice.ref, kind: notice.kind }, "whatsapp notice dropped: the reporter did not write back within 7 days");
      await contacts.forgetNotice(id);
      await notices.done(id);
      return;
    }
    if (template) {
      await graph.send(address, templateMessage(template, notice.ref));
      logger.info({ ref: notice.ref, kind: notice.kind }, "whatsapp notice announced with the template; full text waits for the reporter");
    } else {
      logger.warn(
        { ref: notice.ref, kind: notice.kind },
        "whatsapp notice waiting: the reporter is outside the 24-hour window and WHATSAPP_TEMPLATE_NAME is not set, so only their next message opens the way",
      );
    }
    await contacts.parkNotice(id, address, Boolean(template));
    await notices.retryLater(id, new Date(Date.now() + NOTICE_WAIT_MS), "waiting for the 24-hour window");
  }

  async function deliverOne(id: string, address: string, notice: ReporterNotice): Promise<void> {
    try {
      if (await contacts.windowOpen(address)) {
        try {
          await sendFree(address, notice);
          await notices.done(id);
          return;
        } catch (err) {
          if (!isWindowClosed(err)) throw err;
          // Our record said open, WhatsApp says closed: trust WhatsApp.
        }
      }
      await holdForWindow(id, address, notice);
    } catch (err) {
      const code = err instanceof GraphApiError ? err.code ?? err.status : undefined;
      logger.warn({ ref: notice.ref, code }, "whatsapp notice delivery failed; will retry");
      const wait = Math.max(RETRY_DELAY_MS, err instanceof GraphApiError ? err.retryAfterMs ?? 0 : 0);
      await notices.retryLater(id, new Date(Date.now() + wait), code !== undefined ? `whatsapp ${code}` : "send failed");
    }
  }

  let rounds = 0;
  /** Claims and sends until the queue has nothing due; sweeps stale window state now and then. */
  async function drain(): Promise<void> {
    for (;;) {
      const claimed = await notices.claim("whatsapp", batchSize);
      for (const { id, address, notice } of claimed) await deliverOne(id, address, notice);
      if (++rounds % 500 === 0) await contacts.sweep();
      if (claimed.length < batchSize) return;
    }
  }

  const runner = kickable(drain, { intervalMs: options.pollMs ?? 2_000, logger, what: "whatsapp notice queue" });
  runner.kick();
  return {
    deliverDue: async () => {
      runner.kick();
      await runner.settled();
    },
    kick: runner.kick,
    stop: runner.stop,
  };
}
