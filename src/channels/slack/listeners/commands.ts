/** `/lentera queue | show REF | search TEXT | stats`, answered ephemerally to officers only. */
import type { App, types as SlackTypes } from "@slack/bolt";
import { texts } from "../../../i18n/index.js";
import { byUrgencyAndAge, statsBlocks, tipDetailBlocks, tipListBlocks } from "../blocks.js";
import { escapeMrkdwn } from "../mrkdwn.js";
import type { ListenerContext } from "./context.js";
import { LIST_LIMIT, OPEN_STATUSES } from "./queries.js";
import { tipStats } from "../stats.js";

const SEARCH_LIMIT = 50;

interface Reply {
  text: string;
  blocks?: SlackTypes.KnownBlock[];
}

async function answer(ctx: ListenerContext, sub: string, arg: string): Promise<Reply> {
  const slack = texts(ctx.lang).slack;
  switch (sub) {
    case "queue": {
      const views = (await ctx.tips.list({ status: [...OPEN_STATUSES], limit: LIST_LIMIT })).sort(byUrgencyAndAge);
      if (views.length === 0) return { text: slack.queueEmpty };
      const title = slack.queueTitle(String(views.length));
      return { text: title, blocks: tipListBlocks(title, views, await ctx.publisher.renderContext(views.map((v) => v.ref))) };
    }
    case "show": {
      const ref = arg.toUpperCase();
      const view = ref ? await ctx.tips.show(ref) : undefined;
      if (!view) return { text: slack.tipNotFound(escapeMrkdwn(ref) || "—") };
      const rc = await ctx.publisher.renderContext([view.ref, ...view.related.map((r) => r.ref)]);
      return { text: view.ref, blocks: tipDetailBlocks(view, rc) };
    }
    case "search": {
      if (!arg) return { text: slack.usage };
      const views = await ctx.tips.list({ search: arg, limit: SEARCH_LIMIT });
      if (views.length === 0) return { text: slack.searchEmpty(escapeMrkdwn(arg)) };
      const title = slack.searchTitle(arg, String(views.length));
      return { text: title, blocks: tipListBlocks(title, views, await ctx.publisher.renderContext(views.map((v) => v.ref))) };
    }
    case "stats": {
      const stats = await tipStats(ctx.db, new Date());
      return { text: slack.statsTitle, blocks: statsBlocks(stats, ctx.lang) };
    }
    default:
      return { text: slack.usage };
  }
}

export function registerCommands(app: App, ctx: ListenerContext): void {
  app.command("/lentera", async ({ ack, command }) => {
    if (!(await ctx.officers.isOfficer(command.user_id))) {
      return ack({ response_type: "ephemeral", text: texts(ctx.lang).slack.refused });
    }
    const [sub = "", ...rest] = command.text.trim().split(/\s+/);
    const reply = await answer(ctx, sub.toLowerCase(), rest.join(" ").slice(0, 200));
    await ack({ response_type: "ephemeral", ...reply });
  });
}
