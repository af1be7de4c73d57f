// <sitrep-chat>: the chat UI in a shadow root. Inline where placed; with [floating], behind a launcher.
import type { Paragraph } from "../report/schema.js";
import { ApiError, fetchParagraph, postFeedback, streamChat, type Service } from "./api.js";
import { buildChatUi, type ChatUi } from "./chat-ui.js";
import { h } from "./dom.js";
import { mountLauncher } from "./launcher.js";
import { TranscriptStore, type Transcript, type TranscriptTurn } from "./storage.js";
import { STYLES } from "./styles.js";
import { TurnView } from "./turn-view.js";

let defaultApi: string | undefined;
let defaultKey: string | undefined;
/** Set by the bundle's entry from its own <script data-api> (or its src origin) and <script data-key>. */
export function setDefaultApi(api: string | undefined, key?: string): void {
  defaultApi = api;
  defaultKey = key;
}

export class SitrepChat extends HTMLElement {
  private api = "";
  private service: Service = { api: "" };
  private store!: TranscriptStore;
  private transcript: Transcript = { turns: [] };
  private controller: AbortController | undefined;
  private readonly paragraphs = new Map<number, Promise<Paragraph>>();
  private ui!: ChatUi;

  connectedCallback(): void {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: "open" });
    adoptStyles(shadow);
    this.api = (this.getAttribute("api") || defaultApi || location.origin).replace(/\/+$/, "");
    // A widget key (API_KEYS name:hash:widget) when the service requires keys; it is public by design.
    this.service = { api: this.api, key: this.getAttribute("data-key") || defaultKey || undefined };
    this.store = new TranscriptStore(this.api);
    this.ui = buildChatUi({
      ask: (question) => void this.ask(question),
      stop: () => {
        this.controller?.abort();
        return this.controller !== undefined;
      },
      reset: () => this.reset(),
    });
    if (this.hasAttribute("floating")) {
      mountLauncher(shadow, this.ui.root, this.ui.close, () => this.ui.input.focus());
    } else {
      this.ui.close.hidden = true;
      shadow.append(this.ui.root);
    }
    this.restore();
  }

  private async ask(raw: string): Promise<void> {
    const question = raw.trim();
    if (!question || this.controller) return;
    const { input, error } = this.ui;
    error.hidden = true;
    // "New chat" may replace the transcript mid-stream; this turn belongs to the old one.
    const transcript = this.transcript;
    const turn: TranscriptTurn = { question, answer: "" };
    const view = this.addTurn(turn);
    input.value = "";
    const controller = new AbortController();
    this.setBusy(controller);
    this.announce("Answering…");
    try {
      const response = await streamChat(this.service, { question, conversationId: transcript.conversationId }, controller.signal, {
        meta: (meta) => {
          turn.answerId = meta.answerId;
          transcript.conversationId = meta.conversationId;
        },
        delta: (text) => {
          turn.answer += text;
          view.setText(turn.answer);
          this.scrollToEnd();
        },
        replace: (answer) => {
          turn.answer = answer;
          view.setText(turn.answer);
          this.scrollToEnd();
        },
        citations: (citations) => view.setCitations(citations),
      });
      Object.assign(turn, { answer: response.answer, response, answerId: response.answerId });
      transcript.conversationId = response.conversationId;
      view.complete(response);
      transcript.turns.push(turn);
      this.announce(`Answer: ${response.answer}`);
    } catch (err) {
      if (controller.signal.aborted) {
        turn.stopped = true;
        view.stopped(turn.answerId);
        transcript.turns.push(turn);
        if (transcript === this.transcript) this.announce("Stopped.");
      } else {
        view.el.remove();
        this.ui.empty.hidden = transcript.turns.length > 0;
        error.textContent = err instanceof ApiError ? err.message : "Something went wrong. Please try again.";
        error.hidden = false;
        if (input.value === "") input.value = question;
      }
    } finally {
      this.setBusy(undefined);
      if (transcript === this.transcript) this.store.save(transcript);
      this.scrollToEnd();
    }
  }

  private addTurn(turn: TranscriptTurn): TurnView {
    const view = new TurnView(turn.question, {
      loadParagraph: (n) => this.paragraph(n),
      sendFeedback: (answerId, rating) => postFeedback(this.service, answerId, rating),
      rated: (rating) => {
        turn.rating = rating;
        this.store.save(this.transcript);
      },
    });
    this.ui.empty.hidden = true;
    this.ui.log.append(view.el);
    return view;
  }

  private restore(): void {
    this.transcript = this.store.load();
    for (const turn of this.transcript.turns) {
      const view = this.addTurn(turn);
      if (turn.response && !turn.stopped) {
        view.complete(turn.response, turn.rating);
      } else {
        view.setText(turn.answer);
        view.stopped(turn.answerId);
      }
    }
    this.scrollToEnd();
  }

  private reset(): void {
    this.controller?.abort();
    this.transcript = { turns: [] };
    this.store.clear();
    this.ui.log.replaceChildren(this.ui.empty);
    this.ui.empty.hidden = false;
    this.ui.error.hidden = true;
    this.announce("Started a new conversation.");
    this.ui.input.focus();
  }

  private setBusy(controller: AbortController | undefined): void {
    this.controller = controller;
    this.ui.send.disabled = controller !== undefined;
    this.ui.stop.hidden = controller === undefined;
  }

  private paragraph(n: number): Promise<Paragraph> {
    let pending = this.paragraphs.get(n);
    if (!pending) {
      pending = fetchParagraph(this.service, n);
      pending.catch(() => this.paragraphs.delete(n));
      this.paragraphs.set(n, pending);
    }
    return pending;
  }

  private announce(message: string): void {
    this.ui.live.textContent = message;
  }

  private scrollToEnd(): void {
    this.ui.log.scrollTop = this.ui.log.scrollHeight;
  }
}

function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.append(h("style", {}, STYLES));
  }
}
