// Who is on the other end of a request, for per-client rate limits. The socket's peer on Node, Cloudflare's
// CF-Connecting-IP in a Worker (Cloudflare sets it; a client cannot), and X-Forwarded-For only when
// TRUST_PROXY says how many proxies in front of the service append to it.
import type { Context } from "hono";
import { getRuntimeKey } from "hono/adapter";

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The client's address, or "unknown" (in-process requests have none). */
export function clientAddress(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    // Each trusted proxy appends the address it saw; anything left of those was written by the client.
    const forwarded = hops[Math.max(0, hops.length - trustedProxies)];
    if (forwarded) return addressBucket(forwarded);
  }
  const peer = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  if (peer) return addressBucket(peer);
  if (getRuntimeKey() === "workerd") {
    const cf = c.req.header("cf-connecting-ip");
    if (cf) return addressBucket(cf);
  }
  return "unknown";
}

/**
 * One bucket per IPv4 address and per IPv6 /64 (a single host usually holds a whole /64, so per-address
 * buckets would let it rotate addresses). IPv4-mapped IPv6 addresses count as IPv4.
 */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  const groups = expandIPv6(address.split("%")[0]!);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

function expandIPv6(address: string): string[] | null {
  const [head = "", tail, ...more] = address.split("::");
  if (more.length > 0) return null;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""));
}
