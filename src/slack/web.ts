// Outbound calls to Slack: the Web API (base URL from config, so tests can point it at a recorder)
// and response_url posts (only to Slack's hooks hosts or to the configured API origin).
import { ConnectionErrorRetryHandler, RatelimitRetryHandler, SlackAPIClient, type SlackAPIClientLogLevel } from "slack-edge";
import type { SlackMessage } from "./blocks.js";

const SLACK_HOOK_HOSTS = new Set(["hooks.slack.com", "hooks.slack-gov.com"]);

export interface SlackOutbound {
  postMessage(message: SlackMessage & { channel: string; thread_ts?: string }): Promise<void>;
  postEphemeral(message: SlackMessage & { channel: string; user: string; thread_ts?: string }): Promise<void>;
  /** POSTs JSON to a response_url; `replace_original: false` keeps the message the user clicked on. */
  respond(responseUrl: string, message: SlackMessage & { response_type: "ephemeral" | "in_channel"; replace_original?: boolean }): Promise<void>;
}

export function createSlackOutbound(options: { token: string; apiUrl: string; logLevel: SlackAPIClientLogLevel }): SlackOutbound {
  // Retries once on a connection failure (e.g. a reset keep-alive socket) and honours 429 Retry-After.
  const client = new SlackAPIClient(options.token, {
    baseUrl: options.apiUrl,
    logLevel: options.logLevel,
    retryHandlers: [new RatelimitRetryHandler(), new ConnectionErrorRetryHandler()],
  });
  const apiOrigin = new URL(options.apiUrl).origin;
  return {
    async postMessage(message) {
      await client.chat.postMessage({ ...message, parse: "none", link_names: false, unfurl_links: false, unfurl_media: false });
    },
    async postEphemeral(message) {
      await client.chat.postEphemeral(message);
    },
    async respond(responseUrl, message) {
      if (!isAllowedResponseUrl(responseUrl, apiOrigin)) throw new Error(`refusing to POST to response_url ${responseUrl}`);
      await postJsonOnce(responseUrl, message);
    },
  };
}

/** Slack's hooks hosts over https, or the configured Web API origin (a local recorder in tests). */
export function isAllowedResponseUrl(url: string, apiOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin === apiOrigin) return true;
  return parsed.protocol === "https:" && SLACK_HOOK_HOSTS.has(parsed.hostname);
}

/** POSTs JSON, retrying once after 300 ms if the connection failed before any response (fetch TypeError). */
async function postJsonOnce(url: string, body: unknown): Promise<void> {
  const send = () => fetch(url, { method: "POST", headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) });
  let response: Response;
  try {
    response = await send();
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    await new Promise((resolve) => setTimeout(resolve, 300));
    response = await send();
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`response_url answered ${response.status}: ${text.slice(0, 200)}`);
}
