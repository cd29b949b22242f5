/**
 * The command menu Telegram shows next to the input field, in both languages: Indonesian for
 * users whose Telegram is set to Indonesian, English for everyone else.
 */
import type { Api } from "grammy";
import { texts } from "../../i18n/index.js";

export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(texts("en").telegram.menu);
  await api.setMyCommands(texts("id").telegram.menu, { language_code: "id" });
}
