import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

// acme's Sandbox holds the demo's 2 numbers and 120 more (Ofcom's 0113 496 0000-0119).
test.use({ serverEnv: { NUMBERS_DEMO_BULK_NUMBERS: "120" } });

const sandboxRows = (page: import("@playwright/test").Page) =>
  page.getByRole("region", { name: "Sandbox" }).locator("tr[data-e164]");

test("search by a partial national number: the URL keeps the view through a reload", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const sandbox = page.getByRole("region", { name: "Sandbox" });
  await expect(sandbox).toContainText("122 numbers");
  await expect(sandboxRows(page)).toHaveCount(50);
  await page.getByRole("searchbox", { name: "Search numbers" }).fill("0113 496 0007");
  await page.getByRole("searchbox", { name: "Search numbers" }).press("Enter");
  await expect(sandboxRows(page)).toHaveCount(1);
  await expect(sandbox.locator('tr[data-e164="+441134960007"]')).toBeVisible();
  await expect(sandbox).toContainText("1 number");
  await expect(page.getByRole("searchbox", { name: "Search numbers" })).toBeFocused();
  expect(new URL(page.url()).searchParams.get("q")).toBe("0113 496 0007");
  await expect(page.getByRole("region", { name: "Live" })).toContainText("No numbers match");

  await page.reload();
  await expect(sandboxRows(page)).toHaveCount(1);
  await expect(page.getByRole("searchbox", { name: "Search numbers" })).toHaveValue("0113 496 0007");
});

test("filter by variant, page forward and back, then clear the filters", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const sandbox = page.getByRole("region", { name: "Sandbox" });
  const pages = page.getByRole("navigation", { name: "Sandbox pages" });
  await expect(pages).toContainText("1–50 of 122");
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveAttribute("aria-disabled", "true");
  await expect(pages.getByRole("link", { name: "Previous page" })).not.toHaveAttribute("href");
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(pages).toContainText("51–100 of 122");
  expect(new URL(page.url()).searchParams.get("sandbox_page")).toBe("2");
  await page.goBack();
  await expect(pages).toContainText("1–50 of 122");
  await page.goForward();
  await expect(pages).toContainText("51–100 of 122");

  await page.getByRole("combobox", { name: "Assigned variant" }).selectOption({ label: "Leeds" });
  await expect(page.getByRole("combobox", { name: "Assigned variant" })).toBeFocused();
  expect(new URL(page.url()).searchParams.get("sandbox_page")).toBeNull();
  const cells = sandbox.locator("tr[data-e164] td[data-label='Assigned variant']");
  await expect(cells.first()).toHaveText("Leeds");
  for (const text of await cells.allTextContents()) expect(text).toBe("Leeds");
  const count = Number((await sandbox.locator(".env__count").textContent())?.split(" ")[0]);
  expect(count).toBeGreaterThan(20);
  expect(count).toBeLessThan(50);
  await expect(page.getByRole("navigation", { name: "Sandbox pages" })).toHaveCount(0);

  // Filters combine: each control keeps showing its choice after the page reloads in place.
  const variant = page.getByRole("combobox", { name: "Assigned variant" });
  await expect(variant.locator("option:checked")).toHaveText("Leeds");
  await page.getByRole("combobox", { name: "Source" }).selectOption({ label: "PolyAI" });
  await expect(page.getByRole("combobox", { name: "Source" })).toBeFocused();
  await expect(page.getByRole("combobox", { name: "Source" })).toHaveValue("polyai");
  await expect(variant.locator("option:checked")).toHaveText("Leeds");
  expect(new URL(page.url()).searchParams.get("source")).toBe("polyai");
  expect(new URL(page.url()).searchParams.get("variant")).not.toBeNull();

  await page.getByRole("searchbox", { name: "Search numbers" }).fill("0113");
  await page.getByRole("searchbox", { name: "Search numbers" }).press("Enter");
  await expect(page).toHaveURL(/q=0113/);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByRole("searchbox", { name: "Search numbers" })).toHaveValue("");
  await expect(page.getByRole("combobox", { name: "Source" })).toHaveValue("");
  await expect(sandbox).toContainText("122 numbers");
  await expect(page.getByRole("combobox", { name: "Assigned variant" })).toHaveValue("");
  expect(new URL(page.url()).search).toBe("");
});

test("a search that matches nothing says so and offers to clear it", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers?q=99999&state=release-failed");
  const sandbox = page.getByRole("region", { name: "Sandbox" });
  await expect(sandbox).toContainText("No numbers match");
  await sandbox.getByRole("link", { name: "Clear filters" }).click();
  await expect(sandboxRows(page)).toHaveCount(50);
  await expect(page.getByRole("searchbox", { name: "Search numbers" })).toHaveValue("");
});

test("bad values in the URL show the nearest sensible view", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers?sandbox_page=999&source=vonage&variant=abc&sort=%F0%9F%98%80");
  const pages = page.getByRole("navigation", { name: "Sandbox pages" });
  await expect(pages).toContainText("101–122 of 122");
  await expect(pages.getByRole("link", { name: "Next page" })).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("combobox", { name: "Source" })).toHaveValue("");
  await expect(page.getByRole("alert")).toHaveCount(0);

  // A variant the project does not have (deleted, another project's, made up) is ignored.
  await openHydrated(page, "/projects/acme/numbers?variant=999999&sandbox_page=99999999999999999999999");
  await expect(page.getByRole("region", { name: "Sandbox" })).toContainText("122 numbers");
  await expect(page.getByRole("navigation", { name: "Sandbox pages" })).toContainText("101–122 of 122");
  await expect(page.getByRole("combobox", { name: "Assigned variant" })).toHaveValue("");
});

test("a number being deleted, listed by the State filter, can be undone from its row", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers?q=0113%20496%200042");
  const sandbox = page.getByRole("region", { name: "Sandbox" });
  await sandbox.getByRole("button", { name: "Actions for +441134960042" }).click();
  await page.getByRole("menuitem", { name: "Delete number" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete number" });
  await dialog.getByRole("button", { name: "Delete number" }).click();
  await expect(dialog).toBeHidden();
  await expect(sandbox).toContainText("No numbers match");

  await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Being deleted" });
  const row = sandbox.locator('tr[data-e164="+441134960042"]');
  await expect(row).toContainText("Being deleted");
  await row.getByRole("button", { name: "Actions for +441134960042" }).click();
  await page.getByRole("menuitem", { name: "Undo delete" }).click();
  await expect(sandbox).toContainText("No numbers match");

  await page.getByRole("combobox", { name: "State" }).selectOption({ label: "All" });
  await expect(sandbox.locator('tr[data-e164="+441134960042"]')).toBeVisible();
  await expect(sandbox.locator('tr[data-e164="+441134960042"]')).not.toContainText("Being deleted");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("search, filters and pages still work as page loads", async ({ page }) => {
    await page.goto("/projects/acme/numbers");
    await page.getByRole("searchbox", { name: "Search numbers" }).fill("+44 113 496 001");
    await page.getByRole("combobox", { name: "Source" }).selectOption({ label: "PolyAI" });
    await page.getByRole("button", { name: "Search" }).click();
    await expect(sandboxRows(page)).toHaveCount(9, { timeout: 10_000 });
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe("+44 113 496 001");
    expect(url.searchParams.get("source")).toBe("polyai");

    await page.goto("/projects/acme/numbers");
    await page.getByRole("navigation", { name: "Sandbox pages" }).getByRole("link", { name: "Next page" }).click();
    await expect(page.getByRole("navigation", { name: "Sandbox pages" })).toContainText("51–100 of 122");
  });
});
