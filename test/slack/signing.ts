// Signs test requests exactly as Slack does: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}") in hex.
import { createHmac } from "node:crypto";

export const TEST_SIGNING_SECRET = "test-secret";

export function slackSignature(secret: string, timestamp: number | string, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

export interface SignOptions {
  secret?: string;
  /** Seconds since epoch; defaults to now. */
  timestamp?: number;
  /** Override the signature header; null omits both signature and timestamp headers. */
  signature?: string | null;
  retryNum?: number;
}

export function signedInit(rawBody: string, contentType: string, options: SignOptions = {}): RequestInit {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": contentType };
  if (options.signature !== null) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = options.signature ?? slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, rawBody);
  }
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  return { method: "POST", headers, body: rawBody };
}
