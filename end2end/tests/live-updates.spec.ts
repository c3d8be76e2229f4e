import type { Browser, BrowserContext, Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { expect, signIn, startServer, test, type StartedServer } from "./fixtures";
import { openHydrated } from "./helpers";

// Live updates (UI-CONTRACT "Live updates"): a change made in one browser shows in every other
// open page of the project within a second, says who did what, and leaves the watcher's
// typing, focus and open dialog alone.

/** The bound: another page shows a change within a second. */
const WITHIN = { timeout: 1_000 };

/** A second browser context signed in as `email` at `server`. */
async function memberContext(browser: Browser, server: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(context.request, server, email);
  return context;
}

/** Opens `path` and waits until the page follows its project's changes. */
async function openFollowing(page: Page, path: string): Promise<void> {
  await openHydrated(page, path);
  await expect(page.locator('[data-live="on"]')).toBeAttached();
}

async function deleteNumber(page: Page, e164: string): Promise<void> {
  await page.getByRole("button", { name: `Actions for ${e164}` }).click();
  await page.getByRole("menuitem", { name: "Delete number" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete number" });
  await dialog.getByRole("button", { name: "Delete number" }).click();
  await expect(dialog).toBeHidden();
}

test("a delete in one browser shows in another within a second, keeping its unsent search", async ({ page, browser, server }) => {
  await openFollowing(page, "/projects/acme/numbers");
  const search = page.getByRole("searchbox", { name: "Search numbers" });
  await search.fill("0142");
  await expect(search).toBeFocused();

  const editor = await memberContext(browser, server, "editor@example.com");
  const theirs = await editor.newPage();
  await openHydrated(theirs, "/projects/acme/numbers");
  await deleteNumber(theirs, "+442079460123");

  const sandbox = page.getByRole("region", { name: "Sandbox" });
  await expect(sandbox.locator('tr[data-e164="+442079460123"]')).toHaveCount(0, WITHIN);
  await expect(page.getByRole("status").filter({ hasText: "editor@example.com deleted +44 20 7946 0123" })).toBeVisible(WITHIN);
  await expect(search).toHaveValue("0142");
  await expect(search).toBeFocused();
  // The editor's own page says nothing about their own change.
  await expect(theirs.getByRole("status").filter({ hasText: "editor@example.com deleted" })).toHaveCount(0);
  await editor.close();
});

test("focus stays on the same number's button and the page does not jump to the top", async ({ page, browser, server }) => {
  await page.setViewportSize({ width: 1280, height: 420 });
  await openFollowing(page, "/projects/acme/numbers");
  const actions = page.getByRole("button", { name: "Actions for +12125550142" });
  await actions.focus();
  await page.evaluate(() => window.scrollTo(0, 250));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

  const editor = await memberContext(browser, server, "editor@example.com");
  const theirs = await editor.newPage();
  await openHydrated(theirs, "/projects/acme/numbers");
  // The row above the focused one goes: the focused button must not pass to another number.
  await deleteNumber(theirs, "+442079460123");

  await expect(page.getByRole("status").filter({ hasText: "editor@example.com deleted +44 20 7946 0123" })).toBeAttached(WITHIN);
  await expect(actions).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await editor.close();
});

test("a dialog open on a number deleted elsewhere says so and no longer acts", async ({ page, browser, server }) => {
  await openFollowing(page, "/projects/acme/numbers");
  await page.getByRole("button", { name: "Actions for +442079460123" }).click();
  await page.getByRole("menuitem", { name: "Reassign variant" }).click();
  const dialog = page.getByRole("dialog", { name: "Reassign variant" });
  await expect(dialog).toBeVisible();

  const editor = await memberContext(browser, server, "editor@example.com");
  const theirs = await editor.newPage();
  await openHydrated(theirs, "/projects/acme/numbers");
  await deleteNumber(theirs, "+442079460123");

  await expect(dialog.getByRole("alert")).toContainText(
    "Changed meanwhile: editor@example.com deleted +44 20 7946 0123",
    WITHIN,
  );
  await expect(dialog.getByRole("button", { name: "Assign" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await editor.close();
});

test("the Variants and History pages follow changes too", async ({ page, browser, server }) => {
  await openFollowing(page, "/projects/acme/variants");
  const editor = await memberContext(browser, server, "editor@example.com");
  const theirs = await editor.newPage();
  await openHydrated(theirs, "/projects/acme/variants");
  await theirs.getByRole("textbox", { name: "Variant name" }).fill("Madrid");
  await theirs.getByRole("button", { name: "Add variant" }).click();
  await expect(theirs.getByRole("button", { name: "Rename Madrid" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename Madrid" })).toBeVisible(WITHIN);
  await expect(page.getByRole("status").filter({ hasText: "editor@example.com added the variant Madrid" })).toBeVisible(WITHIN);

  await openFollowing(page, "/projects/acme/history");
  await openHydrated(theirs, "/projects/acme/numbers");
  await deleteNumber(theirs, "+442079460123");
  await expect(page.getByRole("status").filter({ hasText: "editor@example.com deleted +44 20 7946 0123" })).toBeVisible(WITHIN);
  await expect(page.getByRole("table").first()).toContainText("Deletion requested", WITHIN);
  await editor.close();
});

test("a stream that cannot be opened says updates are paused, then catches up once it opens", async ({ page, browser, server }) => {
  const editor = await memberContext(browser, server, "editor@example.com");
  const theirs = await editor.newPage();
  await openHydrated(theirs, "/projects/acme/numbers");

  // The page's stream is refused (as when the server cannot be reached) until the route goes.
  await page.route("**/live/projects/**", (route) => route.abort("connectionrefused"));
  await openHydrated(page, "/projects/acme/numbers");
  const paused = page.locator(".live-notice").getByText("Live updates paused: reconnecting…");
  await expect(paused).toBeVisible();

  // Meanwhile someone else deletes a number; the paused page cannot hear it.
  await deleteNumber(theirs, "+442079460123");
  await editor.close();

  await page.unroute("**/live/projects/**");
  // The next attempt (backoff after the first failure: 1 s, 3 s, 7 s…: at most about as long
  // again as the pause lasted) opens the stream and reloads the page.
  await expect(page.locator('[data-live="on"]')).toBeAttached({ timeout: 20_000 });
  await expect(paused).toHaveCount(0);
  const sandbox = page.getByRole("region", { name: "Sandbox" });
  await expect(sandbox.locator('tr[data-e164="+442079460123"]')).toHaveCount(0);
});

/** Opens each project page of `project`, expecting `shown`; returns the live streams asked for. */
async function streamsOpened(page: Page, project: string, shown: RegExp): Promise<string[]> {
  const streams: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/live/")) streams.push(request.url());
  });
  for (const view of ["numbers", "variants", "history", "integrations"]) {
    await openHydrated(page, `/projects/${project}/${view}`);
    await expect(page.locator("main")).toContainText(shown);
  }
  // The last page's requests have ended (a stream it opened would have been asked for).
  await page.waitForLoadState("networkidle");
  return streams;
}

test("a page whose project is not there follows nothing", async ({ page }) => {
  expect(await streamsOpened(page, "nope", /Page not found/)).toEqual([]);
});

/** A fresh database on the suite's PostgreSQL server (`NUMBERS_TEST_POSTGRES_URL`). */
function freshPostgres(): { url: string; drop: () => void } {
  const admin = process.env.NUMBERS_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `numbers_e2e_${randomUUID().replaceAll("-", "")}`;
  execFileSync("psql", [admin, "-q", "-c", `CREATE DATABASE ${name}`]);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => execFileSync("psql", [admin, "-q", "-c", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

test("two instances on one PostgreSQL database behave as one product in two browsers", async ({ page, browser, twilio, serverOutput }) => {
  const database = freshPostgres();
  const env = {
    DATABASE_URL: database.url,
    NUMBERS_SECRET_KEY: randomBytes(32).toString("base64"),
    TWILIO_BASE_URL: twilio.url,
  };
  const started: StartedServer[] = [];
  try {
    // Started at the same moment: they migrate and seed once between them.
    started.push(...(await Promise.all([startServer(env, serverOutput), startServer(env, serverOutput)])));
    const [first, second] = started;
    await signIn(page.context().request, first.url, "admin@example.com");
    await openFollowing(page, `${first.url}/projects/acme/numbers`);

    const editor = await memberContext(browser, second.url, "editor@example.com");
    const theirs = await editor.newPage();
    await openHydrated(theirs, `${second.url}/projects/acme/numbers`);
    await expect(theirs.getByRole("region", { name: "Sandbox" }).locator("tbody tr")).toHaveCount(2);
    await deleteNumber(theirs, "+442079460123");

    await expect(page.getByRole("region", { name: "Sandbox" }).locator('tr[data-e164="+442079460123"]')).toHaveCount(0, WITHIN);
    await expect(page.getByRole("status").filter({ hasText: "editor@example.com deleted +44 20 7946 0123" })).toBeVisible(WITHIN);

    // And back: the admin's undo on the first shows on the second.
    await page.getByRole("status").filter({ hasText: "was deleted" }).getByRole("button", { name: "Undo" }).click();
    await expect(theirs.getByRole("region", { name: "Sandbox" }).locator('tr[data-e164="+442079460123"]')).toHaveCount(1, WITHIN);
    await expect(theirs.getByRole("status").filter({ hasText: "admin@example.com restored +44 20 7946 0123" })).toBeVisible(WITHIN);
    await editor.close();
  } finally {
    for (const server of started) server.stop();
    // Stopped servers let go of their connections; FORCE ends any still closing.
    database.drop();
  }
});
