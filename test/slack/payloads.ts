// Slack-shaped test payloads: Events API envelopes, slash-command forms, block_actions interactivity.
export const TEAM = "T0TEST";
export const BOT_USER = "UBOT0001";
export const ALICE = "UALICE01";

let seq = 0;
/** A fresh Slack-style timestamp ("1712345678.000123"). */
export function nextTs(): string {
  seq += 1;
  return `${1712345678 + seq}.${String(seq).padStart(6, "0")}`;
}

export function envelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++seq}`): Record<string, unknown> {
  return {
    token: "legacy-verification-token",
    team_id: TEAM,
    api_app_id: "A0SITREP",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event,
  };
}

export function mention(text: string, options: { channel?: string; ts?: string; thread_ts?: string; user?: string } = {}) {
  const ts = options.ts ?? nextTs();
  return {
    type: "app_mention",
    user: options.user ?? ALICE,
    text: `<@${BOT_USER}> ${text}`,
    ts,
    ...(options.thread_ts ? { thread_ts: options.thread_ts } : {}),
    channel: options.channel ?? "C0GENERAL",
    event_ts: ts,
    team: TEAM,
  };
}

export function directMessage(text: string, options: { channel?: string; ts?: string; thread_ts?: string; user?: string } = {}) {
  const ts = options.ts ?? nextTs();
  return {
    type: "message",
    channel_type: "im",
    user: options.user ?? ALICE,
    text,
    ts,
    ...(options.thread_ts ? { thread_ts: options.thread_ts } : {}),
    channel: options.channel ?? "D0ALICE1",
    event_ts: ts,
    team: TEAM,
  };
}

export function slashCommandForm(text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: TEAM,
    team_domain: "sitrep-test",
    channel_id: "C0GENERAL",
    channel_name: "general",
    user_id: ALICE,
    user_name: "alice",
    command: "/sitrep",
    text,
    api_app_id: "A0SITREP",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `13345224609.738474920.${++seq}`,
  }).toString();
}

export function blockActionForm(actionId: string, answerId: string, responseUrl: string): string {
  const payload = {
    type: "block_actions",
    user: { id: ALICE, username: "alice", name: "alice", team_id: TEAM },
    api_app_id: "A0SITREP",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1712345678.000001", channel_id: "C0GENERAL", is_ephemeral: false, thread_ts: "1712345678.000000" },
    trigger_id: `13345224609.738474920.${++seq}`,
    team: { id: TEAM, domain: "sitrep-test" },
    channel: { id: "C0GENERAL", name: "general" },
    message: { type: "message", ts: "1712345678.000001", text: "answer", bot_id: "B0SITREP" },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: "sitrep_feedback",
        text: { type: "plain_text", text: "👍 Helpful", emoji: true },
        value: answerId,
        type: "button",
        action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
