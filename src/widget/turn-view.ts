// One question/answer turn: streamed text with citation chips, the source panel,
// the calculation disclosure and the feedback buttons.
import type { AskResponse, Citation, ParagraphCitation } from "../answer/contract.js";
import { toolCalls } from "../answer/tool-calls.js";
import type { Paragraph } from "../report/schema.js";
import { segmentAnswer, type CiteRef } from "./citations.js";
import { annexSource, calculation, paragraphSource } from "./details.js";
import { h, uid } from "./dom.js";
import { thumbDown, thumbUp } from "./icons.js";

export interface TurnHooks {
  loadParagraph(paragraph: number): Promise<Paragraph>;
  sendFeedback(answerId: string, rating: "up" | "down"): Promise<void>;
  /** Called after feedback was accepted, so the transcript can remember it. */
  rated(rating: "up" | "down"): void;
}

export class TurnView {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly text: HTMLElement;
  private readonly source: HTMLElement;
  private citations: Citation[] = [];
  /** Label of the chip whose source is open; chips are re-created on every delta. */
  private openLabel: string | undefined;
  private shown = "";

  constructor(
    question: string,
    private readonly hooks: TurnHooks,
  ) {
    this.text = h("div", { class: "answer-text" });
    this.source = h("div", { class: "source", id: uid("source"), hidden: true });
    this.body = h("div", { class: "answer", "aria-busy": "true" }, this.text, this.source);
    this.el = h(
      "article",
      { class: "turn" },
      h("p", { class: "question" }, h("span", { class: "vh" }, "You asked: "), question),
      this.body,
    );
  }

  setText(text: string): void {
    if (text === this.shown) return; // keep chips (and keyboard focus on them) when nothing changed
    this.shown = text;
    const nodes = segmentAnswer(text).map((segment) =>
      segment.kind === "text" ? document.createTextNode(segment.text) : this.chips(segment.refs),
    );
    this.text.replaceChildren(...nodes);
    for (const chip of this.chipsFor(this.openLabel)) chip.setAttribute("aria-expanded", "true");
  }

  setCitations(citations: Citation[]): void {
    this.citations = citations;
  }

  complete(response: AskResponse, rating?: "up" | "down"): void {
    this.setText(response.answer);
    this.setCitations(response.citations);
    this.body.removeAttribute("aria-busy");
    if (!response.answered) this.body.classList.add("unanswered");
    for (const tool of toolCalls(response)) this.body.append(calculation(tool));
    this.body.append(this.feedback(response.answerId, rating));
  }

  stopped(answerId: string | undefined): void {
    this.body.removeAttribute("aria-busy");
    this.body.append(h("p", { class: "note" }, "Stopped. The answer above may be incomplete."));
    if (answerId) this.body.append(this.feedback(answerId, undefined));
  }

  private chips(refs: CiteRef[]): HTMLElement {
    const group = h("span", { class: "chips" });
    for (const ref of refs) {
      const attrs = { type: "button", class: "chip", "aria-label": `Show source: ${ref.label}`, "aria-expanded": "false", "aria-controls": this.source.id };
      const chip = h("button", attrs, ref.label);
      chip.addEventListener("click", () => void this.toggleSource(ref));
      group.append(chip);
    }
    return group;
  }

  private async toggleSource(ref: CiteRef): Promise<void> {
    const wasOpen = this.openLabel === ref.label;
    this.closeSource();
    if (wasOpen) return;
    this.openLabel = ref.label;
    for (const c of this.chipsFor(ref.label)) c.setAttribute("aria-expanded", "true");
    this.source.hidden = false;
    if (ref.kind === "annex") {
      this.showSource(annexSource(ref.annex, this.citations));
      return;
    }
    this.showSource(h("p", { class: "muted" }, `Loading ${ref.label}…`));
    try {
      const paragraph = await this.hooks.loadParagraph(ref.paragraph);
      if (this.openLabel !== ref.label) return;
      this.showSource(paragraphSource(paragraph, ref.subItem, this.quoteFor(ref)));
    } catch {
      if (this.openLabel === ref.label) this.showSource(h("p", { class: "muted" }, `Couldn't load ${ref.label}. Try again.`));
    }
  }

  private showSource(content: HTMLElement): void {
    const close = h("button", { type: "button", class: "link" }, "Close source");
    close.addEventListener("click", () => {
      const chip = this.chipsFor(this.openLabel)[0];
      this.closeSource();
      chip?.focus();
    });
    this.source.replaceChildren(content, close);
  }

  private closeSource(): void {
    for (const chip of this.chipsFor(this.openLabel)) chip.setAttribute("aria-expanded", "false");
    this.openLabel = undefined;
    this.source.hidden = true;
    this.source.replaceChildren();
  }

  private chipsFor(label: string | undefined): HTMLButtonElement[] {
    if (label === undefined) return [];
    return [...this.text.querySelectorAll<HTMLButtonElement>(".chip")].filter((chip) => chip.textContent === label);
  }

  private quoteFor(ref: CiteRef & { kind: "para" }): string | undefined {
    const paragraphCitations = this.citations.filter((c): c is ParagraphCitation => "paragraph" in c);
    const exact = paragraphCitations.find((c) => c.paragraph === ref.paragraph && (c.subItem ?? undefined) === ref.subItem);
    return (exact ?? paragraphCitations.find((c) => c.paragraph === ref.paragraph))?.quote;
  }

  private feedback(answerId: string, rating: "up" | "down" | undefined): HTMLElement {
    const status = h("span", { class: "fb-status", role: "status" });
    const make = (value: "up" | "down", icon: SVGSVGElement, label: string) =>
      h("button", { type: "button", class: "fb", "aria-label": label, title: label, "aria-pressed": String(rating === value), "data-rating": value }, icon);
    const up = make("up", thumbUp(), "Helpful answer");
    const down = make("down", thumbDown(), "Unhelpful answer");
    for (const button of [up, down]) {
      button.addEventListener("click", async () => {
        const value = button.dataset.rating as "up" | "down";
        status.textContent = "Sending…";
        try {
          await this.hooks.sendFeedback(answerId, value);
          up.setAttribute("aria-pressed", String(value === "up"));
          down.setAttribute("aria-pressed", String(value === "down"));
          status.textContent = "Thanks, feedback recorded.";
          this.hooks.rated(value);
        } catch {
          status.textContent = "Couldn't send feedback. Try again.";
        }
      });
    }
    return h("div", { class: "feedback", role: "group", "aria-label": "Rate this answer" }, up, down, status);
  }
}
