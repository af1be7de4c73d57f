// Slack text in and out: turn a message's Slack markup into a plain question, and make any
// plain text safe to post as mrkdwn (no mentions, no links, no broadcast pings).

const ZWJ = "\u200D";

/** Escapes text for a mrkdwn field. Escaping `<` and `>` neutralises <!channel>, <@U…>, <#C…> and links. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(channel|here|everyone)\b/gi, `@${ZWJ}$1`);
}

/** Decodes Slack's message markup into the plain text a person typed. */
export function slackToPlain(text: string): string {
  const decoded = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = "", label] = splitLabel(inner);
    if (target.startsWith("@")) return label ? `@${label.replace(/^@/, "")}` : target;
    if (target.startsWith("#")) return label ? `#${label}` : target;
    if (target.startsWith("!subteam^")) return label ?? "@group";
    if (target.startsWith("!date^")) return label ?? "";
    if (target.startsWith("!")) return `@${target.slice(1)}`;
    return label ?? target;
  });
  return decoded.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf("|");
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** Removes mentions of the bot (`<@UBOT>` or `<@UBOT|name>`) and a leading mention of anyone. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  let out = text;
  if (botUserId) {
    const id = botUserId.replace(/[^A-Z0-9]/gi, "");
    out = out.replace(new RegExp(`<@${id}(\\|[^>]*)?>`, "g"), " ");
  } else {
    out = out.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/i, " ");
  }
  return out.replace(/\s+/g, " ").trim();
}

/** The question a Slack message asks: bot mention removed, markup decoded, whitespace collapsed. */
export function questionFromMessage(text: string, botUserId: string | undefined): string {
  return slackToPlain(stripBotMention(text, botUserId)).replace(/\s+/g, " ").trim();
}
