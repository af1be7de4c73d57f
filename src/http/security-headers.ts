// Response headers every route gets: Hono's secureHeaders plus a Permissions-Policy that turns off every
// powerful browser feature, a strict CSP on any response that did not set its own (the chat page sets a
// looser one for its script), and no caching of anything under /v1 (answers, stored answers, feedback).
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

export const DEFAULT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const NO_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsingTopics",
  "camera",
  "clipboardRead",
  "clipboardWrite",
  "displayCapture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickeyCredentialsGet",
  "serial",
  "usb",
  "xrSpatialTracking",
] as const;

export function securityHeaders(): MiddlewareHandler {
  const base = secureHeaders({
    crossOriginResourcePolicy: "cross-origin",
    permissionsPolicy: Object.fromEntries(NO_FEATURES.map((feature) => [feature, []])),
  });
  return (c, next) =>
    base(c, async () => {
      await next();
      if (!c.res.headers.has("content-security-policy")) c.res.headers.set("Content-Security-Policy", DEFAULT_CSP);
      if (c.req.path.startsWith("/v1/")) c.res.headers.set("Cache-Control", "no-store");
    });
}
