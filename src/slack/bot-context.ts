// What every Slack listener needs: the app's deps, outbound Slack calls, and a logger.
import type { AppDeps } from "../http/deps.js";
import type { SlackLog } from "./log.js";
import type { SlackOutbound } from "./web.js";

export interface BotContext {
  deps: AppDeps;
  out: SlackOutbound;
  log: SlackLog;
}
