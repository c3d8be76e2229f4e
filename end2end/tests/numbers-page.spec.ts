import { expect, test } from "./fixtures";
import { statSync } from "node:fs";
import { join } from "node:path";
import { openHydrated } from "./helpers";

test.describe("Numbers page of acme", () => {
  test("shows the three environments in order with their numbers", async ({ page }) => {
    const problems = await openHydrated(page, "/projects/acme/numbers");
    await expect(page.getByRole("heading", { level: 1, name: "Numbers" })).toBeVisible();
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumb).toContainText("Configure");
    await expect(breadcrumb).toContainText("Numbers");

    const regions = page.getByRole("region");
    await expect(regions).toHaveCount(3);
    expect(await regions.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")))).toEqual([
      "Sandbox",
      "Pre-release",
      "Live",
    ]);

    const sandbox = page.getByRole("region", { name: "Sandbox" });
    await expect(sandbox).toHaveAttribute("data-testid", "env-sandbox");
    await expect(sandbox).toContainText("Numbers for testing your latest saved version");
    await expect(sandbox).toContainText("2 numbers");
    const headers = sandbox.getByRole("columnheader");
    await expect(headers).toHaveText(["Number", "Source", "Assigned variant"]);

    // Number, Source, Assigned variant, then the row's actions.
    const london = sandbox.locator('tr[data-e164="+442079460123"]').getByRole("cell");
    await expect(london.nth(0)).toHaveText(/UK\s*\+44 20 7946 0123/);
    await expect(london.nth(1)).toHaveText("PolyAI");
    await expect(london.nth(2)).toHaveText("London");
    await expect(london.nth(3).getByRole("button", { name: "Actions for +442079460123" })).toBeVisible();
    const twilio = sandbox.locator('tr[data-e164="+12125550142"]').getByRole("cell");
    await expect(twilio.nth(0)).toHaveText(/US\s*\+1 212-555-0142/);
    await expect(twilio.nth(1)).toHaveText("Twilio");
    await expect(twilio.nth(2)).toHaveText("Default");

    const preRelease = page.getByTestId("env-pre-release");
    await expect(preRelease.locator("tbody tr")).toHaveCount(1);
    await expect(preRelease.locator('tr[data-e164="+441134960456"]')).toContainText("+44 113 496 0456");
    const live = page.getByTestId("env-live");
    await expect(live).toContainText("1 number");
    await expect(live.locator('tr[data-e164="+447700900321"]')).toContainText("+44 7700 900321");

    expect(problems, "no console errors or hydration warnings").toEqual([]);
  });

  test("hydrates cleanly, then reloads in place after an action: no loading state, sections keep their state", async ({ page }) => {
    const problems = await openHydrated(page, "/projects/acme/numbers");
    const liveToggle = page.getByRole("region", { name: "Live" }).getByRole("button", { name: "Live", exact: true });
    await liveToggle.click();
    await expect(liveToggle).toHaveAttribute("aria-expanded", "false");
    // Record whether the loading state ever comes back while the page reloads its data.
    await page.evaluate(() => {
      const seen = { loading: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        if (document.querySelector("p.loading")) seen.loading = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByRole("button", { name: "Actions for +442079460123" }).click();
    await page.getByRole("menuitem", { name: "Reassign variant" }).click();
    const dialog = page.getByRole("dialog", { name: "Reassign variant" });
    await dialog.getByRole("combobox", { name: "Variant" }).selectOption({ label: "Leeds" });
    await dialog.getByRole("button", { name: "Assign" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('tr[data-e164="+442079460123"]')).toContainText("Leeds");
    expect(await page.evaluate(() => (window as unknown as { seen: { loading: boolean } }).seen.loading)).toBe(false);
    await expect(liveToggle).toHaveAttribute("aria-expanded", "false");
    expect(problems, "no console errors or hydration warnings").toEqual([]);
  });

  test("a section collapses and expands from its header button", async ({ page }) => {
    await openHydrated(page, "/projects/acme/numbers");
    const sandbox = page.getByRole("region", { name: "Sandbox" });
    const toggle = sandbox.getByRole("button", { name: "Sandbox", exact: true });
    const table = sandbox.getByRole("table");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(table).toBeVisible();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(table).toBeHidden();
    await expect(page.getByTestId("env-live").getByRole("table")).toBeVisible();

    await toggle.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(table).toBeVisible();
  });

  test("the copy button copies the E.164 number", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openHydrated(page, "/projects/acme/numbers");
    await page.getByRole("button", { name: "Copy +447700900321" }).click();
    await expect(page.getByTestId("env-live")).toContainText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("+447700900321");
  });

  test("takes the README screenshot", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await openHydrated(page, "/projects/acme/numbers");
    const path = join(__dirname, "..", "screenshots", "numbers-page.png");
    await page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeLessThan(200 * 1024);
  });
});

test("solo has no Assigned variant column", async ({ page }) => {
  await openHydrated(page, "/projects/solo/numbers");
  const sandbox = page.getByRole("region", { name: "Sandbox" });
  await expect(sandbox.locator('tr[data-e164="+441632960001"]')).toBeVisible();
  await expect(sandbox.getByRole("columnheader")).toHaveText(["Number", "Source"]);
  await expect(page.getByRole("columnheader", { name: "Assigned variant" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Live" })).toContainText("No numbers in Live");
});

test("fresh is blocked until a telephony integration exists", async ({ page }) => {
  await openHydrated(page, "/projects/fresh/numbers");
  await expect(page.getByRole("status")).toHaveText(/^No telephony integration/);
  await expect(page.getByRole("region")).toHaveCount(0);
});

test("an unknown project is a 404 page", async ({ page }) => {
  const response = await page.goto("/projects/no-such-project/numbers");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("/ goes to the first project", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/projects\/acme\/numbers$/);
});

test("at 360 px the page fits the screen and rows are stacked", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openHydrated(page, "/projects/acme/numbers");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const row = page.locator('tr[data-e164="+442079460123"]');
  const cells = row.getByRole("cell");
  const [first, second] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
  expect(second!.y).toBeGreaterThan(first!.y);

  // Each section header keeps its name, count and add button apart, inside the screen.
  for (const name of ["Sandbox", "Pre-release", "Live"]) {
    const header = page.getByRole("region", { name }).locator(".env__header");
    const [title, count, add] = await Promise.all(
      [".env__title", ".env__count", ".env__add"].map((s) => header.locator(s).boundingBox()),
    );
    expect(title!.height, `${name} title on one line`).toBeLessThan(40);
    expect(count!.x + count!.width, `${name} count inside the screen`).toBeLessThanOrEqual(360);
    const apart = add!.y >= count!.y + count!.height || add!.x >= count!.x + count!.width;
    expect(apart, `${name}: the add button does not cover the count`).toBe(true);
  }
});

for (const width of [360, 1280]) {
  test(`at ${width} px the last row's actions menu is not cut off by its section`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    await openHydrated(page, "/projects/acme/numbers");
    const button = page.getByRole("button", { name: "Actions for +447700900321" });
    await button.click();
    const items = page.getByRole("menuitem");
    await expect(items).toHaveCount(4);
    // As far down as the page goes: a menu cut off by its section stays cut off there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    for (const item of await items.all()) {
      const box = (await item.boundingBox())!;
      const hit = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest("[role=menuitem]")?.textContent ?? null,
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      expect(hit, "the item is on top where it is drawn").toBe(await item.textContent());
    }
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server-rendered page shows every section and row", async ({ page }) => {
    const response = await page.goto("/projects/acme/numbers");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Numbers" })).toBeVisible();
    await expect(page.getByRole("region")).toHaveCount(3);
    await expect(page.locator("tr[data-e164]")).toHaveCount(4);
    await expect(page.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  });
});

test("a dialog whose code cannot be fetched says so, and the next click fetches it again", async ({ page, context }) => {
  // The dialogs' wasm chunks (not the routes' `split___…` ones) fail, as after a deploy that
  // renamed them or on a lost connection.
  let failing = true;
  await context.route(/\/pkg\/(chunk_|split_(?!_)).*\.wasm$/, (route) =>
    failing ? route.fulfill({ status: 404, body: "" }) : route.continue(),
  );
  const problems = await openHydrated(page, "/projects/acme/numbers");
  const add = page.getByRole("button", { name: "Add number to Sandbox" });
  await add.click();
  await expect(page.getByRole("alert")).toContainText("This part of the page could not be loaded");
  await expect(page.getByRole("dialog", { name: "Add number" })).toHaveCount(0);
  failing = false;
  await add.click();
  await expect(page.getByRole("dialog", { name: "Add number" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  // The page went on working: no panic ("unreachable") stopped the wasm.
  expect(problems.filter((p) => p.startsWith("pageerror") || p.includes("panicked"))).toEqual([]);
});
