// The widget in headless Chromium against a service whose pipeline is wrapped by a scripted stand-in
// for an LLM composer (a hosted model is out of reach offline): it streams a draft, then the draft is
// rejected and replaced, and the real answer follows. The widget must show the draft as it streams,
// swap it for the replacement on `replace`, and end on the answer in `done`.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerPipeline } from "../../src/answer/contract.js";
import { HAS_CHROMIUM, launchChromium, requireChromiumInCi, startService } from "./harness.js";

requireChromiumInCi();

const QUESTION = "What did the conference for national harmony recommend?";
const DRAFT = "A draft from the model that fails verification.";
const REPLACEMENT = "The verified replacement text.";

describe.skipIf(!HAS_CHROMIUM)("<sitrep-chat> with a streaming composer (scripted stand-in for an LLM)", () => {
  let service: Awaited<ReturnType<typeof startService>>;
  let browser: Browser;
  /** Lets the scripted composer take its next step. */
  let release: () => void = () => {};

  beforeAll(async () => {
    const wrapPipeline = (real: AnswerPipeline): AnswerPipeline => ({
      async answer(input) {
        input.onEvent?.({ type: "delta", text: DRAFT.slice(0, 20) });
        input.onEvent?.({ type: "delta", text: DRAFT.slice(20) });
        await new Promise<void>((resolve) => (release = resolve));
        input.onEvent?.({ type: "replace", answer: REPLACEMENT });
        await new Promise<void>((resolve) => (release = resolve));
        return real.answer(input);
      },
    });
    service = await startService({}, { wrapPipeline });
    browser = await launchChromium();
  });

  afterAll(async () => {
    release();
    await browser?.close();
    await service?.stop();
  });

  it("shows the streamed draft, replaces it on `replace`, and ends on the final answer", async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/`);
    const input = page.getByLabel("Your question about the report");
    await input.fill(QUESTION);
    await input.press("Enter");
    const text = page.locator("sitrep-chat .answer-text").first();

    await expect.poll(() => text.textContent()).toBe(DRAFT);
    release();
    await expect.poll(() => text.textContent()).toBe(REPLACEMENT);
    release();
    await page.locator("sitrep-chat .turn .feedback").waitFor();
    const final = (await text.textContent()) ?? "";
    expect(final).not.toMatch(/draft|replacement/i);
    expect(final.length).toBeGreaterThan(50);
    await page.close();
  });
});
