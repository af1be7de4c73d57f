// A small leveled logger for the Slack bot, honouring LOG_LEVEL.
import type { AppConfig } from "../config.js";
import type { SlackAppLogLevel } from "slack-edge";

const RANK = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

export interface SlackLog {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export function createSlackLog(level: AppConfig["LOG_LEVEL"]): SlackLog {
  const emit = (at: Exclude<keyof typeof RANK, "silent">) => (message: string, detail?: unknown) => {
    if (RANK[at] < RANK[level]) return;
    if (detail === undefined) console[at](`[sitrep:slack] ${message}`);
    else console[at](`[sitrep:slack] ${message}`, detail);
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

/** slack-edge's own logging level for a LOG_LEVEL ("silent" keeps it to errors, its quietest setting). */
export function slackEdgeLogLevel(level: AppConfig["LOG_LEVEL"]): SlackAppLogLevel {
  return level === "debug" ? "DEBUG" : level === "info" ? "INFO" : level === "warn" ? "WARN" : "ERROR";
}
