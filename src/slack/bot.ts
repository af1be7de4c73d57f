// The slack-edge app: offline authorize, bot/retry filters, and the listeners. Every listener acks
// first; the work (asking, posting) runs lazily after the ack.
import { SlackApp, type SlackEdgeAppEnv } from "slack-edge";
import type { AppDeps } from "../http/deps.js";
import { offlineAuthorize } from "./authorize.js";
import { FEEDBACK_DOWN, FEEDBACK_UP } from "./blocks.js";
import type { BotContext } from "./bot-context.js";
import { ackCommand, answerCommand } from "./command.js";
import { answerInThread } from "./events.js";
import { ackFeedback, thankForFeedback } from "./feedback.js";
import { slackEdgeLogLevel, type SlackLog } from "./log.js";
import { ackUnhandledEvents, dedupeEvents, ignoreBotEvents } from "./middleware.js";
import { createSlackOutbound } from "./web.js";

/** The events the manifest subscribes to (app_mention; message.im arrives as "message"). */
const HANDLED_EVENTS = ["app_mention", "message"] as const;

export interface SlackCredentials {
  signingSecret: string;
  botToken: string;
}

export function createSlackBot(deps: AppDeps, creds: SlackCredentials, log: SlackLog): SlackApp<SlackEdgeAppEnv> {
  const logLevel = slackEdgeLogLevel(deps.config.LOG_LEVEL);
  const bot: BotContext = {
    deps,
    log,
    out: createSlackOutbound({ token: creds.botToken, apiUrl: deps.config.SLACK_API_URL, logLevel }),
  };
  const app = new SlackApp<SlackEdgeAppEnv>({
    env: { SLACK_SIGNING_SECRET: creds.signingSecret, SLACK_BOT_TOKEN: creds.botToken, SLACK_LOGGING_LEVEL: logLevel },
    authorize: offlineAuthorize(creds.botToken),
    startLazyListenerAfterAck: true,
  });
  app
    .beforeAuthorize(ackUnhandledEvents(HANDLED_EVENTS))
    .beforeAuthorize(ignoreBotEvents(log))
    .beforeAuthorize(dedupeEvents(deps.store, log));

  for (const type of HANDLED_EVENTS) app.event(type, (req) => answerInThread(bot, req.body));
  // Every slash command of this app is /sitrep (whatever a workspace renamed it to).
  app.command(/^\//, (req) => ackCommand(req.body), (req) => answerCommand(bot, req.body));
  for (const actionId of [FEEDBACK_UP, FEEDBACK_DOWN]) {
    app.action(actionId, (req) => ackFeedback(bot, req.body), (req) => thankForFeedback(bot, req.body));
  }
  return app;
}
