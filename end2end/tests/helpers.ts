import { expect, type Locator, type Page } from "@playwright/test";

/** Opens `path` and waits until the app has hydrated, collecting console problems. */
export async function openHydrated(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(path);
  // The debug build of the largest page (the gallery) takes seconds to hydrate on a busy
  // 2-core machine: allow it more than the default 5 s.
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true", { timeout: 20_000 });
  return problems;
}

/**
 * Signs admin@example.com in through the sign-in page's form at `origin` (as a person would),
 * asking to come back to `next`; returns where the browser landed.
 */
export async function signInThrough(page: Page, origin: string, next: string): Promise<URL> {
  await page.goto(`${origin}/signin?next=${encodeURIComponent(next)}`);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("textbox", { name: "Email" }).fill("admin@example.com");
  await page.getByLabel("Password").fill("numbers-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner")).toContainText("admin@example.com");
  return new URL(page.url());
}

/**
 * Runs `submit` (which sends the server function `name` from `dialog`) with its answer held,
 * closes the dialog with Escape, then lets the answer through: an answer that arrives after
 * its dialog was closed.
 */
export async function answerAfterClosing(page: Page, name: string, dialog: Locator, submit: () => Promise<void>): Promise<void> {
  const call = new RegExp(`/api/${name}`);
  let release!: () => void;
  const held = new Promise<void>((ok) => (release = ok));
  await page.route(call, async (route) => {
    await held;
    await route.continue();
  });
  const sent = page.waitForRequest(call);
  await submit();
  await sent;
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  release();
}
