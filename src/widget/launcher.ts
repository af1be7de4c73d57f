// Floating mode: a launcher button that opens the chat as a non-modal panel.
import { h } from "./dom.js";
import { bubble } from "./icons.js";

export function mountLauncher(shadow: ShadowRoot, chat: HTMLElement, close: HTMLButtonElement, focusChat: () => void): void {
  const panel = h("div", { class: "panel", id: "panel", role: "dialog", "aria-label": "Ask the Mali report", hidden: true }, chat);
  const launcher = h("button", { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "panel" }, bubble(), "Ask the report");
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) focusChat();
    else launcher.focus();
  };
  launcher.addEventListener("click", () => setOpen(launcher.getAttribute("aria-expanded") !== "true"));
  close.addEventListener("click", () => setOpen(false));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setOpen(false);
  });
  shadow.append(panel, launcher);
}
