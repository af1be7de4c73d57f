// The chat's static DOM: header, conversation log with starter questions, error, composer.
import { h } from "./dom.js";

export const STARTER_QUESTIONS = [
  "What did the conference for national harmony recommend?",
  "How many uniformed personnel does Senegal contribute?",
  "Which attacks targeted MINUSMA during the reporting period?",
];

export interface ChatActions {
  ask(question: string): void;
  /** Escape in the input or the Stop button; true if there was a stream to stop. */
  stop(): boolean;
  reset(): void;
}

export type ChatUi = ReturnType<typeof buildChatUi>;

export function buildChatUi(actions: ChatActions) {
  const input = h("textarea", { id: "q", rows: "2", maxlength: "2000", placeholder: "Ask about the report…", autocomplete: "off" });
  const send = h("button", { type: "submit", class: "primary" }, "Ask");
  const stop = h("button", { type: "button", class: "stop", hidden: true }, "Stop");
  const form = h(
    "form",
    { class: "composer", "aria-label": "Ask a question" },
    h("label", { for: "q", class: "vh" }, "Your question about the report"),
    input,
    send,
    stop,
  );
  const starters = h("div", { class: "starters", role: "group", "aria-label": "Suggested questions" });
  for (const question of STARTER_QUESTIONS) {
    const button = h("button", { type: "button", class: "starter" }, question);
    button.addEventListener("click", () => actions.ask(question));
    starters.append(button);
  }
  const empty = h(
    "div",
    { class: "empty" },
    h("p", {}, "Ask a question about the Secretary-General's report on Mali (S/2017/478). Answers cite the paragraphs they rely on."),
    starters,
  );
  const log = h("div", { class: "log", role: "region", "aria-label": "Conversation", tabindex: "0" }, empty);
  const error = h("div", { class: "error", role: "alert", hidden: true });
  const live = h("div", { class: "vh", "aria-live": "polite", "aria-atomic": "true" });
  const reset = h("button", { type: "button" }, "New chat");
  const close = h("button", { type: "button", "aria-label": "Close chat" }, "Close");
  const root = h(
    "div",
    { class: "root", part: "root" },
    h("div", { class: "head" }, h("h2", {}, "Ask the Mali report"), reset, close),
    log,
    error,
    form,
    live,
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    actions.ask(input.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === "Escape" && actions.stop()) {
      event.stopPropagation(); // don't also close the floating panel
    }
  });
  stop.addEventListener("click", () => {
    actions.stop();
    input.focus();
  });
  reset.addEventListener("click", () => actions.reset());
  return { root, log, empty, error, live, input, send, stop, close };
}
