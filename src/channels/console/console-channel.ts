/**
 * The console channel: the conversation engine in a terminal. Interactive (readline with a prompt)
 * on a TTY; otherwise one message per input line, so it can be scripted. Options are printed as a
 * numbered list and typing a number picks that option. Officers' questions and status changes for
 * this console session are delivered from the NoticeQueue while the chat runs.
 */
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { OutboundMessage, ReplyOption } from "../../core/messages.js";
import type { NoticeQueue } from "../../core/ports.js";
import type { ConversationEngine } from "../../core/conversation/engine.js";
import type { Logger } from "../../logger.js";

export interface ConsoleChannelOptions {
  engine: Pick<ConversationEngine, "handle" | "renderNotice">;
  notices: NoticeQueue;
  input: Readable;
  output: Writable;
  /** The console session id: the same id resumes the same conversation (report in progress, language). */
  address: string;
  /** Readline with a prompt (a terminal), or plain line-by-line processing (a script). */
  interactive: boolean;
  /** Printed once at start. */
  intro?: string;
  langHint?: string;
  logger: Logger;
  noticePollMs?: number;
}

export interface RunningConsole {
  /** Resolves when the input ended (Ctrl+D, end of the script) and every line was answered. */
  finished: Promise<void>;
  /** Resolves when every line read so far has been answered. */
  idle(): Promise<void>;
  /** Delivers the notices waiting for this session now (the poll loop does this periodically). */
  deliverNotices(): Promise<number>;
  stop(): Promise<void>;
}

const PROMPT = "> ";
const NOTICE_BATCH = 10;
/** A notice for another console session goes back to the queue for that session's process. */
const OTHER_SESSION_RETRY_MS = 30_000;

export function startConsoleChannel(options: ConsoleChannelOptions): RunningConsole {
  const { engine, notices, output, address, interactive, logger } = options;
  const pollMs = options.noticePollMs ?? 1_000;
  const rl = readline.createInterface({
    input: options.input,
    ...(interactive ? { output, prompt: PROMPT, terminal: true } : { terminal: false }),
    crlfDelay: Infinity,
  });
  // In a terminal readline swallows Ctrl+C; pass it on so the process stops gracefully.
  if (interactive) rl.on("SIGINT", () => process.kill(process.pid, "SIGINT"));
  let lastOptions: ReplyOption[] = [];
  let stopped = false;
  // Replies and notices are written one batch at a time, never interleaved.
  let serial: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(task: () => Promise<T>): Promise<T> => {
    const run = serial.then(task, task);
    serial = run.catch(() => undefined);
    return run;
  };

  const print = (messages: OutboundMessage[]) => {
    for (const m of messages) {
      const lines = [m.urgent ? `!! ${m.text}` : m.text];
      (m.options ?? []).forEach((o, i) => lines.push(`  ${i + 1}. ${o.label}`));
      output.write(`${lines.join("\n")}\n\n`);
      if (m.options?.length) lastOptions = m.options;
    }
    if (interactive && !stopped) rl.prompt();
  };

  const toMessage = (line: string) => {
    const picked = /^\d{1,2}$/.test(line) ? lastOptions[Number(line) - 1] : undefined;
    return {
      channel: "console" as const,
      address,
      ...(picked ? { action: picked.id } : { text: line }),
      ...(options.langHint ? { langHint: options.langHint } : {}),
    };
  };

  const answer = (line: string) =>
    inOrder(async () => {
      // Options belong to the message they came with; a new message is answered on its own terms.
      const message = toMessage(line);
      lastOptions = [];
      print(await engine.handle(message));
    });

  async function deliverNotices(): Promise<number> {
    return inOrder(async () => {
      const claimed = await notices.claim("console", NOTICE_BATCH);
      for (const { id, address: to, notice } of claimed) {
        if (to !== address) {
          await notices.retryLater(id, new Date(Date.now() + OTHER_SESSION_RETRY_MS), "for another console session");
          continue;
        }
        print(engine.renderNotice(notice));
        await notices.done(id);
      }
      return claimed.length;
    });
  }

  const poller = setInterval(() => {
    deliverNotices().catch((err: unknown) =>
      logger.warn({ err: { type: (err as Error).name } }, "console: could not deliver notices"),
    );
  }, pollMs);
  poller.unref();

  if (options.intro) output.write(`${options.intro}\n\n`);
  if (interactive) rl.prompt();
  // Every line joins the queue as soon as it is read, so replies keep the order of the input.
  rl.on("line", (raw) => {
    const line = raw.trim();
    if (line) void answer(line).catch((err: unknown) => logger.error({ err: { type: (err as Error).name } }, "console: reply failed"));
    else if (interactive) rl.prompt();
  });
  const finished = new Promise<void>((resolve) => rl.once("close", resolve)).then(async () => {
    clearInterval(poller);
    await serial;
  });

  return {
    finished,
    async idle() {
      // Settled when no reply was queued while waiting for the previous ones.
      for (let tail = serial; ; tail = serial) {
        await tail;
        if (tail === serial) return;
      }
    },
    deliverNotices,
    async stop() {
      stopped = true;
      clearInterval(poller);
      rl.close();
      await finished;
    },
  };
}
