// Helpers for the Worker tests that run in Node: a free loopback port, and a JSON question.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export const askJson = (question: string, conversationId?: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ question, ...(conversationId ? { conversationId } : {}) }),
});
