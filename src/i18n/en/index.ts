/** Every en catalogue, one file per feature. */
export { common } from "./common.js";
export { qa } from "./qa.js";
export { offers } from "./offers.js";
export { reports } from "./reports.js";
export { telegram } from "./telegram.js";
export { whatsapp } from "./whatsapp.js";
export { slack } from "./slack.js";
