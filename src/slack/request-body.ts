// The outer shape of what Slack POSTs to /slack/events, checked (after the signature) before slack-edge
// parses it: slack-edge throws on a body that is not JSON, is JSON null, or has an event that is not an
// object, and a signed but malformed body must be a 400, not a 500. Also yields the workspace (team id)
// that the request counts against for rate limits.
import { z } from "zod";

export type SlackBodyKind = "url_verification" | "event" | "interaction" | "command";

export type SlackBody = { ok: true; kind: SlackBodyKind; teamId: string | undefined } | { ok: false; error: string };

const UrlVerification = z.looseObject({ type: z.literal("url_verification"), challenge: z.string() });
const EventCallback = z.looseObject({
  type: z.literal("event_callback"),
  team_id: z.string().optional(),
  event: z.looseObject({ type: z.string().min(1) }),
});
/** Other Events API envelopes (app_rate_limited, …): slack-edge acks them. */
const OtherEnvelope = z.looseObject({ type: z.string().min(1), team_id: z.string().optional() });
const Interaction = z.looseObject({
  type: z.string().min(1),
  team: z.looseObject({ id: z.string() }).nullish(),
  user: z.looseObject({ team_id: z.string().optional() }).optional(),
});
const SlashCommand = z.looseObject({ command: z.string().startsWith("/"), team_id: z.string().optional() });

const invalid = (error: string): SlackBody => ({ ok: false, error });

export function parseSlackBody(rawBody: string, contentType: string): SlackBody {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return jsonBody(rawBody);
  if (type === "application/x-www-form-urlencoded") return formBody(rawBody);
  return invalid("Slack sends application/json or application/x-www-form-urlencoded bodies.");
}

function jsonBody(rawBody: string): SlackBody {
  const json = parseJson(rawBody);
  if (json === undefined) return invalid("The body is not valid JSON.");
  const envelope = OtherEnvelope.safeParse(json);
  if (!envelope.success) return invalid("The body is not a Slack Events API envelope (an object with a type).");
  if (envelope.data.type === "url_verification") {
    return UrlVerification.safeParse(json).success ? { ok: true, kind: "url_verification", teamId: undefined } : invalid("url_verification needs a challenge.");
  }
  if (envelope.data.type === "event_callback" && !EventCallback.safeParse(json).success) return invalid("event_callback needs an event object with a type.");
  return { ok: true, kind: "event", teamId: envelope.data.team_id };
}

function formBody(rawBody: string): SlackBody {
  const form = new URLSearchParams(rawBody);
  const payload = form.get("payload");
  if (payload !== null) {
    const interaction = Interaction.safeParse(parseJson(payload));
    if (!interaction.success) return invalid("payload is not a Slack interaction (a JSON object with a type).");
    return { ok: true, kind: "interaction", teamId: interaction.data.team?.id ?? interaction.data.user?.team_id };
  }
  const command = SlashCommand.safeParse(Object.fromEntries(form));
  if (command.success) return { ok: true, kind: "command", teamId: command.data.team_id };
  return invalid("The form is neither an interaction payload nor a slash command.");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
