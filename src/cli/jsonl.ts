/**
 * Batch mode for CLI commands: reads one JSON object per stdin line and prints one JSON object per
 * line, in order, each carrying its input's `id`. A malformed line gets `{"id": null, "error"}` so
 * output lines stay aligned with input lines.
 */
import { createInterface } from "node:readline";
import type { z } from "zod";

export async function mapJsonLines<T extends { id: string | number }>(
  schema: z.ZodType<T>,
  expected: string,
  handle: (item: T) => Promise<Record<string, unknown>>,
): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let item: T | undefined;
    try {
      const result = schema.safeParse(JSON.parse(line));
      if (result.success) item = result.data;
    } catch {
      // not JSON: reported below like any other malformed line
    }
    const out = item ? { id: item.id, ...(await handle(item)) } : { id: null, error: `each line must be a JSON object ${expected}` };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}
