// The widget in a real headless Chromium against the running service (real app, real index).
import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import type { StoredAnswer } from "../../src/stores/types.js";
import type { Transcript } from "../../src/widget/storage.js";
import { HAS_CHROMIUM, closedPort, launchChromium, requireChromiumInCi, startHostSite, startService } from "./harness.js";

const QUESTION = "What did the conference for national harmony recommend?";
const FOLLOW_UP = "When was it held?";
const NUMERIC = "How many military personnel did Senegal contribute?";
const INPUT = "Your question about the report";

requireChromiumInCi();

describe.skipIf(!HAS_CHROMIUM)("<sitrep-chat> in headless Chromium", () => {
  let service: Awaited<ReturnType<typeof startService>>;
  let allowed: Awaited<ReturnType<typeof startHostSite>>; // in WIDGET_ORIGINS
  let refused: Awaited<ReturnType<typeof startHostSite>>; // not in WIDGET_ORIGINS
  let browser: Browser;

  beforeAll(async () => {
    allowed = await startHostSite();
    refused = await startHostSite();
    service = await startService({ WIDGET_ORIGINS: allowed.origin });
    browser = await launchChromium();

    const script = (api: string) => `<script src="${service.url}/widget.js" data-api="${api}"></script>`;
    const hostContent = `<p class="host-text">Host paragraph</p><button class="host-button">Host button</button>`;
    const inline = `<!doctype html><title>host</title>${hostContent}<sitrep-chat style="height:640px"></sitrep-chat>${script(service.url)}`;
    const hostile = `<!doctype html><title>hostile</title><style>
      :root { font-size: 50px !important; }
      * { color: red !important; font-family: "Comic Sans MS", cursive !important; font-size: 31px !important;
          letter-spacing: 3px !important; text-transform: uppercase !important; line-height: 3 !important;
          background: yellow !important; font-style: italic !important; text-align: right !important; }
      sitrep-chat { direction: rtl; visibility: visible; word-spacing: 20px; }
      button { border: 5px dashed lime !important; border-radius: 0 !important; padding: 30px !important; }
      div, p, h2, form, textarea { margin: 40px !important; padding: 40px !important; border: 4px solid red !important; }
      </style>${hostContent}<sitrep-chat style="height:640px"></sitrep-chat>${script(service.url)}`;
    allowed.pages.set("/inline", inline);
    allowed.pages.set("/hostile", hostile);
    allowed.pages.set("/no-widget", `<!doctype html><title>host</title>${hostContent}`);
    allowed.pages.set("/embed", `<!doctype html><title>embed</title><a href="#top">Host link</a>${script(service.url)}`);
    allowed.pages.set("/unreachable", `<!doctype html><title>down</title><sitrep-chat style="height:640px"></sitrep-chat>${script(`http://127.0.0.1:${await closedPort()}`)}`);
    refused.pages.set("/inline", inline);
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await allowed?.stop();
    await refused?.stop();
  });

  /** A fresh page that records dialogs and page errors. */
  async function open(url: string, ready: "input" | "launcher" | "none" = "input") {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (err) => errors.push(String(err)));
    await page.goto(url);
    if (ready === "input") await page.getByLabel(INPUT).waitFor();
    if (ready === "launcher") await page.getByRole("button", { name: "Ask the report" }).waitFor();
    return { page, dialogs, errors };
  }

  async function ask(page: Page, question: string): Promise<void> {
    const turns = await page.locator("sitrep-chat .turn").count();
    await page.getByLabel(INPUT).fill(question);
    await page.getByLabel(INPUT).press("Enter");
    await page.locator("sitrep-chat .turn").nth(turns).locator(".feedback").waitFor();
  }

  async function transcript(page: Page): Promise<Transcript> {
    const raw = await page.evaluate((key) => sessionStorage.getItem(key), `sitrep-chat:v1:${service.url}`);
    return JSON.parse(raw ?? "null") as Transcript;
  }

  async function stored(answerId: string): Promise<StoredAnswer> {
    const res = await fetch(`${service.url}/v1/answers/${answerId}`);
    expect(res.status).toBe(200);
    return (await res.json()) as StoredAnswer;
  }

  async function askApi(question: string, conversationId?: string): Promise<AskResponse> {
    const res = await fetch(`${service.url}/v1/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question, conversationId }),
    });
    return (await res.json()) as AskResponse;
  }

  it("streams an answer with citation chips, and a chip shows the cited paragraph", async () => {
    const { page, errors } = await open(`${allowed.origin}/inline`);
    // Record the answer text while the answer is still marked busy: proof it arrived in pieces.
    await page.evaluate(() => {
      const root = document.querySelector("sitrep-chat")!.shadowRoot!;
      const w = window as unknown as { partials: number[] };
      w.partials = [];
      new MutationObserver(() => {
        const busy = root.querySelector('.answer[aria-busy="true"] .answer-text');
        if (busy) w.partials.push(busy.textContent!.length);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await ask(page, QUESTION);

    const answer = page.locator("sitrep-chat .answer").first();
    const finalLength = (await answer.locator(".answer-text").textContent())!.length;
    const partials = await page.evaluate(() => (window as unknown as { partials: number[] }).partials);
    expect(partials.some((n) => n > 0 && n < finalLength)).toBe(true);

    const chips = answer.locator(".chip");
    expect(await chips.count()).toBeGreaterThan(0);
    const paraChip = answer.locator(".chip", { hasText: /^para\. \d+/ }).first();
    const label = (await paraChip.textContent())!;
    const n = Number(/\d+/.exec(label)![0]);
    await paraChip.click();
    await expect.poll(() => paraChip.getAttribute("aria-expanded")).toBe("true");
    const paragraph = (await (await fetch(`${service.url}/v1/paragraphs/${n}`)).json()) as { text: string };
    const source = answer.locator(".source");
    await source.locator(".source-text").waitFor();
    expect(await source.locator(".source-title").textContent()).toBe(`Paragraph ${n}`);
    expect(await source.locator(".source-text").textContent()).toBe(paragraph.text);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("records feedback, keeps the conversation across a reload, and answers a follow-up in it", async () => {
    const { page } = await open(`${allowed.origin}/inline`);
    await ask(page, QUESTION);
    const first = await transcript(page);
    const answerId = first.turns[0]!.answerId!;
    const shownAnswer = await page.locator("sitrep-chat .answer-text").first().textContent();

    await page.getByRole("button", { name: "Helpful answer", exact: true }).click();
    await page.getByText("Thanks, feedback recorded.").waitFor();
    const record = await stored(answerId);
    expect(record.feedback).toMatchObject([{ answerId, rating: "up", source: "widget" }]);

    await page.reload();
    await page.locator("sitrep-chat .turn").first().waitFor();
    expect(await page.locator("sitrep-chat .question").first().textContent()).toContain(QUESTION);
    expect(await page.locator("sitrep-chat .answer-text").first().textContent()).toBe(shownAnswer);
    expect(await page.locator("sitrep-chat .chip").count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Helpful answer", exact: true }).getAttribute("aria-pressed")).toBe("true");

    await ask(page, FOLLOW_UP);
    const after = await transcript(page);
    expect(after.conversationId).toBe(first.conversationId);
    expect(after.turns).toHaveLength(2);
    const followUp = await stored(after.turns[1]!.answerId!);
    // With keys off, GET /v1/answers never shows the conversationId; the store knows it.
    expect(followUp.conversationId).toBeUndefined();
    expect((await service.deps.store.answer(after.turns[1]!.answerId!))?.conversationId).toBe(first.conversationId);

    // The same two questions through /v1/ask give the same follow-up answer: the context was used.
    const apiFirst = await askApi(QUESTION);
    const apiFollowUp = await askApi(FOLLOW_UP, apiFirst.conversationId);
    expect(followUp.response.answer).toBe(apiFollowUp.answer);
    expect(followUp.response.citations).toEqual(apiFollowUp.citations);

    // "New chat" forgets the conversation, here and after a reload.
    await page.getByRole("button", { name: "New chat" }).click();
    expect(await page.locator("sitrep-chat .turn").count()).toBe(0);
    await page.reload();
    await page.getByRole("group", { name: "Suggested questions" }).waitFor();
    expect(await page.locator("sitrep-chat .turn").count()).toBe(0);
    expect(await transcript(page)).toBeNull();
    await page.close();
  });

  it("works keyboard-only from the floating launcher, with visible focus", async () => {
    const { page } = await open(`${allowed.origin}/embed`, "launcher");
    const shadowFocus = () =>
      page.evaluate(() => {
        const el = document.querySelector("sitrep-chat")?.shadowRoot?.activeElement as HTMLElement | null;
        return el ? { tag: el.tagName, cls: el.className, text: el.textContent, outline: getComputedStyle(el).outlineStyle } : null;
      });
    await page.keyboard.press("Tab"); // host link
    await page.keyboard.press("Tab"); // launcher
    expect(await shadowFocus()).toMatchObject({ cls: "launcher", outline: "solid" });
    await page.keyboard.press("Enter");
    expect(await shadowFocus()).toMatchObject({ tag: "TEXTAREA" });
    await page.keyboard.type(QUESTION);
    await page.keyboard.press("Enter");
    await page.locator("sitrep-chat .feedback").waitFor();

    let focus = await shadowFocus();
    for (let i = 0; i < 30 && focus?.cls !== "chip"; i++) {
      await page.keyboard.press("Shift+Tab");
      focus = await shadowFocus();
    }
    expect(focus).toMatchObject({ cls: "chip", outline: "solid" });
    await page.keyboard.press("Enter");
    await page.locator("sitrep-chat .source").locator(".source-title, .muted").first().waitFor();
    expect(await page.locator("sitrep-chat .source").isVisible()).toBe(true);

    await page.keyboard.press("Escape");
    expect(await page.locator("sitrep-chat .panel").isVisible()).toBe(false);
    expect(await shadowFocus()).toMatchObject({ cls: "launcher" });
    await page.close();
  });

  it("shows injected markup in a question literally and never runs it", async () => {
    const { page, dialogs, errors } = await open(`${allowed.origin}/inline`);
    const hostile = `<img src=x onerror="window.pwned=1;alert(1)"><script>window.pwned=2;alert(2)</script> what is MINUSMA?`;
    await ask(page, hostile);
    expect(await page.locator("sitrep-chat .question").first().textContent()).toBe(`You asked: ${hostile}`);
    const injected = await page.evaluate(() => {
      const root = document.querySelector("sitrep-chat")!.shadowRoot!;
      return { nodes: root.querySelectorAll("img, script, iframe").length, pwned: (window as unknown as { pwned?: number }).pwned ?? null };
    });
    expect(injected).toEqual({ nodes: 0, pwned: null });
    // The answer (which may quote the question) is shown as the service sent it, as text.
    const turn = (await transcript(page)).turns[0]!;
    if (turn.response!.citations.length === 0) {
      expect(await page.locator("sitrep-chat .answer-text").first().textContent()).toBe(turn.response!.answer);
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says so clearly when the service is unreachable and keeps the typed question", async () => {
    const { page } = await open(`${allowed.origin}/unreachable`);
    await page.getByLabel(INPUT).fill(QUESTION);
    await page.getByLabel(INPUT).press("Enter");
    const alert = page.locator("sitrep-chat [role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/can't reach the sitrep service/i);
    expect(await page.getByLabel(INPUT).inputValue()).toBe(QUESTION);
    expect(await page.locator("sitrep-chat .turn").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Ask", exact: true }).isEnabled()).toBe(true);
    await page.close();
  });

  it("is not restyled by hostile host CSS and does not restyle the host", async () => {
    const styles = (page: Page) =>
      page.evaluate(() => {
        const root = document.querySelector("sitrep-chat")!.shadowRoot!;
        const pick = (el: Element) => {
          const cs = getComputedStyle(el);
          return [cs.color, cs.backgroundColor, cs.fontFamily, cs.fontSize, cs.fontStyle, cs.lineHeight, cs.letterSpacing, cs.wordSpacing, cs.textTransform, cs.textAlign, cs.direction, cs.borderTopWidth, cs.paddingTop, cs.marginTop].join(" | ");
        };
        return Object.fromEntries([".root", ".head h2", ".starter", "textarea", ".primary", ".empty p"].map((sel) => [sel, pick(root.querySelector(sel)!)]));
      });
    const hostStyles = (page: Page) =>
      page.evaluate(() =>
        [".host-text", ".host-button", "body"].map((sel) => {
          const cs = getComputedStyle(document.querySelector(sel)!);
          return [cs.color, cs.backgroundColor, cs.fontFamily, cs.fontSize, cs.margin, cs.padding, cs.borderTopWidth].join(" | ");
        }),
      );

    const plain = await open(`${allowed.origin}/inline`);
    const hostile = await open(`${allowed.origin}/hostile`);
    const bare = await open(`${allowed.origin}/no-widget`, "none");
    expect(await styles(hostile.page)).toEqual(await styles(plain.page));
    expect(await hostStyles(plain.page)).toEqual(await hostStyles(bare.page));
    for (const p of [plain, hostile, bare]) await p.page.close();
  });

  it("answers cross-origin for an allowed origin (with preflight) and is refused for any other", async () => {
    const preflight = (origin: string) =>
      fetch(`${service.url}/v1/chat`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-sitrep-client" },
      });
    const ok = await preflight(allowed.origin);
    expect(ok.status).toBeLessThan(300);
    expect(ok.headers.get("access-control-allow-origin")).toBe(allowed.origin);
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    expect(ok.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
    expect((await preflight(refused.origin)).headers.get("access-control-allow-origin")).toBeNull();

    // In the browser: a page on the allowed origin streams an answer (done above); on the other origin it can't.
    const good = await open(`${allowed.origin}/inline`);
    await ask(good.page, QUESTION);
    await good.page.close();

    const bad = await open(`${refused.origin}/inline`);
    const direct = await bad.page.evaluate(async (api) => {
      try {
        await fetch(`${api}/v1/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"question":"hi"}' });
        return "allowed";
      } catch (err) {
        return (err as Error).name;
      }
    }, service.url);
    expect(direct).toBe("TypeError");
    await bad.page.getByLabel(INPUT).fill(QUESTION);
    await bad.page.getByLabel(INPUT).press("Enter");
    await bad.page.locator("sitrep-chat [role=alert]").waitFor();
    expect(await bad.page.getByLabel(INPUT).inputValue()).toBe(QUESTION);
    await bad.page.close();
  });

  it("stops a stream with the Stop button", async () => {
    const { page } = await open(`${allowed.origin}/inline`);
    // Hold the request so there is something to stop.
    await page.route(`${service.url}/v1/chat`, (route) => setTimeout(() => void route.continue().catch(() => {}), 3000));
    await page.getByLabel(INPUT).fill(QUESTION);
    await page.getByLabel(INPUT).press("Enter");
    const stop = page.getByRole("button", { name: "Stop" });
    await stop.click();
    await page.getByText("Stopped. The answer above may be incomplete.").waitFor();
    expect(await stop.isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Ask", exact: true }).isEnabled()).toBe(true);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.close();
  });

  it("shows how a numeric answer was calculated", async () => {
    const { page } = await open(`${allowed.origin}/inline`);
    await ask(page, NUMERIC);
    const turn = (await transcript(page)).turns[0]!;
    expect(turn.response?.tool).toBeDefined();
    const calc = page.locator("sitrep-chat .calc");
    await calc.locator("summary").click();
    expect(await calc.locator("code").textContent()).toBe(turn.response!.tool!.formula);
    await page.close();
  });

  it("serves its own full-size page (screenshot: artifacts/widget.png)", async () => {
    const { page, errors } = await open(`${service.url}/`);
    const box = await page.locator("sitrep-chat").boundingBox();
    expect(box!.width).toBeGreaterThan(800);
    expect(box!.height).toBeGreaterThan(500);
    // An empty chat offers starter questions; one click asks it.
    await page.getByRole("button", { name: QUESTION }).click();
    await page.locator("sitrep-chat .feedback").waitFor();
    expect(await page.locator("sitrep-chat .question").first().textContent()).toContain(QUESTION);
    await page.locator("sitrep-chat .chip").first().click();
    await page.locator("sitrep-chat .source .source-title").waitFor();
    await mkdir("artifacts", { recursive: true });
    await page.screenshot({ path: "artifacts/widget.png" });
    expect(errors).toEqual([]);
    await page.close();
  });
});
