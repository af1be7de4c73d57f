// Outbound Slack calls: response_url allow-list, and one retry when a connection is reset.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createSlackOutbound, isAllowedResponseUrl } from "../../src/slack/web.js";

describe("response_url", () => {
  it("is only POSTed to Slack's hooks hosts over https, or the configured API origin", () => {
    const api = "http://127.0.0.1:4000";
    expect(isAllowedResponseUrl("https://hooks.slack.com/commands/T1/2/abc", api)).toBe(true);
    expect(isAllowedResponseUrl("https://hooks.slack-gov.com/actions/T1/2/abc", api)).toBe(true);
    expect(isAllowedResponseUrl("http://127.0.0.1:4000/hooks/x", api)).toBe(true);
    expect(isAllowedResponseUrl("http://hooks.slack.com/commands/T1/2/abc", api)).toBe(false);
    expect(isAllowedResponseUrl("https://hooks.slack.com.evil.example/x", api)).toBe(false);
    expect(isAllowedResponseUrl("http://169.254.169.254/latest/meta-data", api)).toBe(false);
    expect(isAllowedResponseUrl("not a url", api)).toBe(false);
  });

  it("is retried once when the connection is reset before any response (local server that drops the first request)", async () => {
    let attempts = 0;
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      attempts += 1;
      if (attempts === 1) return void req.socket.destroy();
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        bodies.push(body);
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const out = createSlackOutbound({ token: "xoxb-test", apiUrl: `${base}/api/`, logLevel: "ERROR" });
    await out.respond(`${base}/hooks/1`, { response_type: "ephemeral", text: "hi", blocks: [] });
    server.close();
    expect(attempts).toBe(2);
    expect(JSON.parse(bodies[0]!)).toEqual({ response_type: "ephemeral", text: "hi", blocks: [] });
  });
});
