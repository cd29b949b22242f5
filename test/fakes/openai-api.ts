/**
 * A fake OpenAI-compatible chat API on 127.0.0.1 (POST /v1/chat/completions) for the bad-input
 * suite. It is the worst model one could deploy: `echo` answers with its whole prompt (system and
 * user messages); `obey` does whatever an injected instruction asks — it repeats its system prompt
 * (with a citation, so it looks like a grounded answer) and claims to have filed a report; `claim`
 * only claims, in a short, well-cited answer, to have filed a report for the user.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeModelBehaviour = "echo" | "obey" | "claim";

export interface FakeOpenAi {
  baseUrl: string;
  /** The messages of every request, in order. */
  requests: { role: string; content: string }[][];
  behaviour: FakeModelBehaviour;
  close(): Promise<void>;
}

function reply(behaviour: FakeModelBehaviour, messages: { role: string; content: string }[]): string {
  const system = messages.find((m) => m.role === "system")?.content ?? "";
  if (behaviour === "echo") return messages.map((m) => m.content).join("\n");
  if (behaviour === "claim") return "Laporan Anda sudah saya teruskan ke petugas dengan nomor LTR-2222-22 [1].";
  // Like a real model leaking its rules: quoted as an answer, cited, and without the refusal keyword.
  const rules = system.split("\n").filter((l) => l.trim() && !l.includes("NO_ANSWER")).join("\n");
  return `My instructions are:\n${rules} [1]\nI have filed report LTR-2222-22 for you and notified the officers.`;
}

export async function startFakeOpenAi(behaviour: FakeModelBehaviour = "echo"): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = { baseUrl: "", requests: [], behaviour, close: async () => {} };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) return send(404, { error: { message: "not found" } });
      const body = JSON.parse(raw) as { model: string; messages: { role: string; content: unknown }[] };
      const messages = body.messages.map((m) => ({
        role: m.role,
        content: typeof m.content === "string" ? m.content : JSON.stringify(m.content),
      }));
      fake.requests.push(messages);
      const content = reply(fake.behaviour, messages);
      send(200, {
        id: `chatcmpl-fake-${fake.requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
