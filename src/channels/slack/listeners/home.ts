/** The App Home tab: the officer's claimed tips and the open queue, refreshed on open and after actions. */
import type { App, webApi } from "@slack/bolt";
import { byUrgencyAndAge, homeView } from "../blocks.js";
import { describeSlackFailure } from "../errors.js";
import type { ListenerContext } from "./context.js";
import { LIST_LIMIT, OPEN_STATUSES } from "./queries.js";

export async function publishHome(client: webApi.WebClient, userId: string, ctx: ListenerContext): Promise<void> {
  if (!(await ctx.officers.isOfficer(userId))) {
    const rc = await ctx.publisher.renderContext([]);
    await client.views.publish({ user_id: userId, view: homeView(ctx.lang, { officer: false }, rc) });
    return;
  }
  const open = await ctx.tips.list({ status: [...OPEN_STATUSES], limit: LIST_LIMIT });
  const mine = open.filter((v) => v.assignee === userId).sort(byUrgencyAndAge);
  const queue = open.filter((v) => !v.assignee).sort(byUrgencyAndAge);
  const rc = await ctx.publisher.renderContext(open.map((v) => v.ref));
  await client.views.publish({ user_id: userId, view: homeView(ctx.lang, { officer: true, mine, queue }, rc) });
}

/** After an officer's action: best effort, the action itself already succeeded. */
export async function refreshHome(client: webApi.WebClient, userId: string, ctx: ListenerContext): Promise<void> {
  await publishHome(client, userId, ctx).catch((err: unknown) =>
    ctx.logger.warn({ err: describeSlackFailure(err) }, "could not refresh the App Home tab"),
  );
}

export function registerHome(app: App, ctx: ListenerContext): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await publishHome(client, event.user, ctx);
  });
}
