/**
 * The load balancer in front of the instances, acting as the platforms do: a delivery goes to the
 * next live instance (round robin); a connection error, timeout or non-2xx answer is redelivered
 * to the next instance after a short pause, like Telegram / Meta / a user retrying, until it is
 * acknowledged or the deadline passes.
 */
export interface Delivery {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface DeliveryResult {
  ok: boolean;
  status: number;
  attempts: number;
  /** Instance URL that acknowledged it. */
  by?: string;
  responseText: string;
}

export class Balancer {
  #targets: string[] = [];
  #next = 0;
  /** Failed attempts (connection refused/reset, 5xx) that were redelivered. */
  redeliveries = 0;

  setTargets(urls: string[]): void {
    this.#targets = [...urls];
  }

  pick(): string {
    if (this.#targets.length === 0) throw new Error("no instance behind the balancer");
    return this.#targets[this.#next++ % this.#targets.length]!;
  }

  async deliver(d: Delivery, opts: { deadlineMs?: number; target?: string } = {}): Promise<DeliveryResult> {
    const deadline = Date.now() + (opts.deadlineMs ?? 60_000);
    let attempts = 0;
    let last = { status: 0, text: "" };
    for (;;) {
      attempts++;
      const target = attempts === 1 && opts.target ? opts.target : this.pick();
      try {
        const res = await fetch(`${target}${d.path}`, {
          method: "POST",
          headers: d.headers,
          body: d.body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await res.text();
        if (res.ok) return { ok: true, status: res.status, attempts, by: target, responseText: text };
        last = { status: res.status, text };
        // A 4xx other than 408/429 will not get better by retrying: the request itself is wrong.
        if (res.status < 500 && res.status !== 408 && res.status !== 429) return { ok: false, status: res.status, attempts, responseText: text };
      } catch {
        last = { status: 0, text: "" };
      }
      this.redeliveries++;
      if (Date.now() > deadline) return { ok: false, status: last.status, attempts, responseText: last.text };
      await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** Math.min(attempts, 5))));
    }
  }
}
