// The widget with API keys on, in a real headless Chromium against the running service: a widget key in
// data-key lets a WIDGET_ORIGINS page ask, open a cited paragraph and give feedback; without the key the
// widget shows the service's refusal and keeps the question. (Other origins are refused by CORS in the
// browser and by the key's origin check on the server: test/access/api-keys.test.ts.)
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transcript } from "../../src/widget/storage.js";
import { bearer, testKeys, type TestKeys } from "../access/keys.js";
import { CHROMIUM_PATH, HAS_CHROMIUM, launchChromium, startHostSite, startService } from "./harness.js";

const QUESTION = "How many peacekeepers were killed since June 2016?";
const INPUT = "Your question about the report";

if (!HAS_CHROMIUM) console.warn(`[widget] SKIPPING widget key browser tests: no Chromium at ${CHROMIUM_PATH}.`);

describe.skipIf(!HAS_CHROMIUM)("<sitrep-chat data-key> with API keys on, in headless Chromium", () => {
  let service: Awaited<ReturnType<typeof startService>>;
  let allowed: Awaited<ReturnType<typeof startHostSite>>;
  let browser: Browser;
  let keys: TestKeys;

  beforeAll(async () => {
    keys = await testKeys();
    allowed = await startHostSite();
    service = await startService({ WIDGET_ORIGINS: allowed.origin, API_KEYS: keys.API_KEYS });
    browser = await launchChromium();
    const page = (attrs: string) => `<!doctype html><title>host</title><sitrep-chat style="height:640px"></sitrep-chat><script src="${service.url}/widget.js" data-api="${service.url}" ${attrs}></script>`;
    allowed.pages.set("/keyed", page(`data-key="${keys.site.key}"`));
    allowed.pages.set("/no-key", page(""));
    allowed.pages.set("/inline-key", `<!doctype html><title>host</title><sitrep-chat data-key="${keys.site.key}" style="height:640px"></sitrep-chat><script src="${service.url}/widget.js" data-api="${service.url}"></script>`);
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await allowed?.stop();
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByLabel(INPUT).waitFor();
    return page;
  }

  async function transcript(page: Page): Promise<Transcript | null> {
    const raw = await page.evaluate((key) => sessionStorage.getItem(key), `sitrep-chat:v1:${service.url}`);
    return JSON.parse(raw ?? "null") as Transcript | null;
  }

  it.each(["/keyed", "/inline-key"])("%s: asks, opens a cited paragraph and records feedback under the widget key", async (path) => {
    const page = await open(`${allowed.origin}${path}`);
    await page.getByLabel(INPUT).fill(QUESTION);
    await page.getByLabel(INPUT).press("Enter");
    const answer = page.locator("sitrep-chat .answer").first();
    await answer.locator(".feedback").waitFor();
    expect(await answer.locator(".answer-text").textContent()).toMatch(/peacekeepers/);

    await answer.locator(".chip", { hasText: /^para\. \d+/ }).first().click();
    await answer.locator(".source .source-text").waitFor();
    expect((await answer.locator(".source .source-text").textContent())!.length).toBeGreaterThan(20);

    await page.getByRole("button", { name: "Helpful answer", exact: true }).click();
    await page.getByText("Thanks, feedback recorded.").waitFor();
    const answerId = (await transcript(page))!.turns[0]!.answerId!;
    const stored = await service.deps.store.answer(answerId);
    expect(stored?.owner).toBe("site");
    expect(stored?.feedback).toMatchObject([{ rating: "up", source: "widget" }]);
    // The widget key cannot read the stored answer back: only full keys may.
    const read = await fetch(`${service.url}/v1/answers/${answerId}`, { headers: { ...bearer(keys.site), origin: allowed.origin } });
    expect(read.status).toBe(403);
    await page.close();
  });

  it("without a data-key, shows the service's 401 message and keeps the question to retry", async () => {
    const page = await open(`${allowed.origin}/no-key`);
    await page.getByLabel(INPUT).fill(QUESTION);
    await page.getByLabel(INPUT).press("Enter");
    const error = page.locator("sitrep-chat .error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/needs a key/);
    expect(await page.getByLabel(INPUT).inputValue()).toBe(QUESTION);
    expect((await transcript(page))?.turns ?? []).toEqual([]);
    await page.close();
  });
});
