// Slack request signatures (v0, HMAC-SHA256 over "v0:{timestamp}:{body}"), checked with Web Crypto so it
// runs on Node and in Workers. Stricter than slack-edge's own check: it also rejects future timestamps
// and malformed headers. https://api.slack.com/authentication/verifying-requests-from-slack
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

export async function verifySlackSignature(
  signingSecret: string,
  headers: Headers,
  rawBody: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<boolean> {
  const timestamp = headers.get("x-slack-request-timestamp") ?? "";
  const signature = headers.get("x-slack-signature") ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || !/^v0=[0-9a-f]{64}$/i.test(signature)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return false;
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(signingSecret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  return crypto.subtle.verify("HMAC", key, hexToBytes(signature.slice(3)), encoder.encode(`v0:${timestamp}:${rawBody}`));
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
