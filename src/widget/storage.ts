// Keeps the conversation (id and transcript) in sessionStorage so a reload re-renders it.
import type { AskResponse } from "../answer/contract.js";

export interface TranscriptTurn {
  question: string;
  /** The answer text shown; for a stopped turn, the part that arrived. */
  answer: string;
  response?: AskResponse;
  answerId?: string;
  stopped?: boolean;
  rating?: "up" | "down";
}

export interface Transcript {
  conversationId?: string;
  turns: TranscriptTurn[];
}

const MAX_TURNS = 50;

export class TranscriptStore {
  private readonly key: string;

  constructor(api: string) {
    this.key = `sitrep-chat:v1:${api}`;
  }

  load(): Transcript {
    try {
      const raw = sessionStorage.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as Transcript) : null;
      if (parsed && Array.isArray(parsed.turns)) return parsed;
    } catch {
      // Storage blocked or corrupt: start empty.
    }
    return { turns: [] };
  }

  save(transcript: Transcript): void {
    try {
      const turns = transcript.turns.slice(-MAX_TURNS);
      sessionStorage.setItem(this.key, JSON.stringify({ ...transcript, turns }));
    } catch {
      // Quota or privacy mode: the chat still works, it just won't survive a reload.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // ignore
    }
  }
}
