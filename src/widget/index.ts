// Bundle entry: defines <sitrep-chat> and, if the page has none, adds a floating launcher.
import { SitrepChat, setDefaultApi } from "./element.js";

// currentScript is only set while this script first runs, so read it now.
const script = document.currentScript as HTMLScriptElement | null;
setDefaultApi(script?.dataset.api || (script?.src ? new URL(script.src).origin : undefined), script?.dataset.key || undefined);

if (!customElements.get("sitrep-chat")) customElements.define("sitrep-chat", SitrepChat);

function addLauncher(): void {
  if (document.querySelector("sitrep-chat")) return;
  const chat = document.createElement("sitrep-chat");
  chat.setAttribute("floating", "");
  document.body.append(chat);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addLauncher, { once: true });
else addLauncher();
