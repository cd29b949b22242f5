/** Prompt templates live in prompts/*.md so they can be reviewed and changed without touching code. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../prompts");

export interface Prompts {
  answerSystem: string;
  answerUser: string;
}

export async function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Promise<Prompts> {
  const read = (name: string) => readFile(path.join(dir, name), "utf8");
  const [answerSystem, answerUser] = await Promise.all([read("answer.system.md"), read("answer.user.md")]);
  return { answerSystem, answerUser };
}

/** Fills `{{name}}` placeholders; unknown names are left visible so a broken template is noticed. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
