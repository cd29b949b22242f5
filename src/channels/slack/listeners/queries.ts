/** Read-side constants shared by the slash command and the App Home tab. */
import { TIP_STATUSES, type TipStatus } from "../../../core/tips/types.js";

export const OPEN_STATUSES: readonly TipStatus[] = TIP_STATUSES.filter((s) => s !== "closed");
/** TipService's maximum page; the open queue is expected to stay well below it. */
export const LIST_LIMIT = 500;
