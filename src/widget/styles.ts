// Shadow-DOM styles. Sizes are in px (rem would follow the host page's root font size), and
// .root/.launcher start from `all: initial` so nothing inherited from the host leaks in.
export const STYLES = `
:host { display: block; height: 100%; min-height: 360px; }
:host([hidden]) { display: none; }
:host([floating]) {
  position: fixed !important; inset: auto 20px 20px auto !important; z-index: 2147483000 !important;
  display: block !important; width: auto !important; height: auto !important; min-height: 0 !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important; background: none !important;
  transform: none !important; opacity: 1 !important; visibility: visible !important;
}
.root, .launcher { all: initial; } /* "all" leaves direction alone: set below */
.root {
  box-sizing: border-box; display: flex; flex-direction: column; width: 100%; height: 100%;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.5; color: #1b1f24; background: #ffffff; text-align: left; direction: ltr;
  border: 1px solid #b8c2cc; border-radius: 10px; overflow: hidden;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
button, textarea { font: inherit; color: inherit; letter-spacing: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid #1a62c7; outline-offset: 2px; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
[hidden] { display: none !important; }

.head { display: flex; align-items: center; gap: 8px; padding: 10px 14px; background: #0b4a8b; color: #ffffff; }
.head h2 { margin: 0; flex: 1; font-size: 16px; font-weight: 600; }
.head button { background: transparent; color: #ffffff; border: 1px solid #9fc0e8; border-radius: 6px; padding: 3px 10px; font-size: 13px; }
.head button:hover { background: #0d5aa8; }
.head :focus-visible { outline-color: #ffd75e; }

.log { flex: 1; min-height: 0; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 16px; }
.empty p { margin: 0 0 10px; color: #38424c; }
.starters { display: flex; flex-direction: column; gap: 8px; align-items: flex-start; }
.starter { text-align: left; background: #f1f5fa; color: #0b4a8b; border: 1px solid #a9c3e3; border-radius: 8px; padding: 6px 10px; }
.starter:hover { background: #e2ecf8; }

.turn { display: flex; flex-direction: column; gap: 8px; }
.question { align-self: flex-end; max-width: 85%; margin: 0; padding: 8px 12px; background: #e9eef4; border-radius: 12px 12px 2px 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.answer { max-width: 100%; padding: 2px 2px 2px 12px; border-left: 3px solid #0b4a8b; }
.answer.unanswered { border-left-color: #8a6100; }
.answer[aria-busy="true"] .answer-text::after { content: "▍"; color: #0b4a8b; animation: blink 1s steps(1) infinite; }
@keyframes blink { 50% { opacity: 0; } }
.answer-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.chips { white-space: normal; }
.chip { display: inline-block; margin: 0 2px; padding: 0 8px; border-radius: 999px; border: 1px solid #8fb0da; background: #e7f0fb; color: #0a3f78; font-size: 13px; line-height: 20px; vertical-align: baseline; }
.chip:hover { background: #d3e3f7; }
.chip[aria-expanded="true"] { background: #0b4a8b; color: #ffffff; border-color: #0b4a8b; }
.source { margin-top: 8px; padding: 10px 12px; background: #f7f9fb; border: 1px solid #c9d3de; border-radius: 8px; font-size: 14px; }
.source p { margin: 0 0 6px; }
.source-title { font-weight: 600; }
.source-text { white-space: pre-wrap; }
.subitem { background: #fff4cc; padding: 4px 6px; border-radius: 4px; }
mark { background: #fff0a8; color: inherit; }
.rows { margin: 0 0 6px; padding-left: 20px; }
.muted { color: #4a5561; }
.note { margin: 6px 0 0; color: #4a5561; font-style: italic; }
.link { background: none; border: 0; padding: 0; color: #0b4a8b; text-decoration: underline; font-size: 13px; }
.calc { margin-top: 8px; font-size: 14px; }
.calc summary { cursor: pointer; color: #0b4a8b; }
.calc p { margin: 4px 0; }
.calc ul { margin: 4px 0; padding-left: 20px; }
.calc code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; background: #eef1f4; padding: 1px 4px; border-radius: 4px; }
.warning { color: #7a4d00; }
.feedback { display: flex; align-items: center; gap: 6px; margin-top: 8px; }
.fb { display: inline-flex; align-items: center; background: #ffffff; color: #38424c; border: 1px solid #b8c2cc; border-radius: 6px; padding: 5px 9px; }
.fb:hover { background: #f1f5fa; }
.fb[aria-pressed="true"] { background: #e7f0fb; color: #0b4a8b; border-color: #0b4a8b; box-shadow: inset 0 0 0 1px #0b4a8b; }
svg { display: block; flex: none; }
.fb-status { font-size: 13px; color: #4a5561; }

.error { margin: 0 14px 8px; padding: 8px 12px; border: 1px solid #b3261e; background: #fdecea; color: #7d1a14; border-radius: 8px; font-size: 14px; }
.composer { display: flex; gap: 8px; padding: 10px 14px 14px; border-top: 1px solid #dde3ea; align-items: flex-end; }
.composer textarea { flex: 1; min-height: 42px; max-height: 140px; resize: vertical; padding: 8px 10px; border: 1px solid #8794a1; border-radius: 8px; background: #ffffff; line-height: 1.4; }
.primary { background: #0b4a8b; color: #ffffff; border: 1px solid #0b4a8b; border-radius: 8px; padding: 9px 16px; font-weight: 600; }
.primary:hover { background: #0d5aa8; }
.primary:disabled { background: #6d7f92; border-color: #6d7f92; cursor: default; }
.stop { background: #ffffff; color: #7d1a14; border: 1px solid #b3261e; border-radius: 8px; padding: 9px 14px; font-weight: 600; }

.launcher {
  display: inline-flex; align-items: center; gap: 8px; padding: 12px 18px; border-radius: 999px; cursor: pointer;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 15px; font-weight: 600; line-height: 1.2;
  background: #0b4a8b; color: #ffffff; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25); direction: ltr;
}
.launcher svg { width: 20px; height: 20px; }
.launcher:focus-visible { outline: 3px solid #1a62c7; outline-offset: 3px; }
.panel { position: absolute; right: 0; bottom: 60px; width: min(400px, calc(100vw - 40px)); height: min(600px, calc(100vh - 100px)); box-shadow: 0 8px 28px rgba(0, 0, 0, 0.28); border-radius: 10px; }
`;
