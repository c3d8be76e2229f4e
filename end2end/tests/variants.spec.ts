import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

/** Opens the Reassign variant dialog of `e164` through its actions menu. */
async function openReassign(page: Page, e164: string) {
  await page.getByRole("button", { name: `Actions for ${e164}` }).click();
  await page.getByRole("menuitem", { name: "Reassign variant" }).click();
  const dialog = page.getByRole("dialog", { name: "Reassign variant" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The variant names the dialog offers for `e164`, then closes it. */
async function offeredVariants(page: Page, e164: string): Promise<string[]> {
  const dialog = await openReassign(page, e164);
  const names = await dialog.getByRole("combobox", { name: "Variant" }).locator("option").allTextContents();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  return names;
}

function row(page: Page, e164: string) {
  return page.locator(`tr[data-e164="${e164}"]`);
}

test("reassign a Sandbox number to another published variant", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openReassign(page, "+442079460123");
  const select = dialog.getByRole("combobox", { name: "Variant" });
  await expect(select.locator("option")).toHaveText(["Default", "London", "Leeds"]);
  await expect(select).toHaveValue(/\d+/);
  await select.selectOption({ label: "Leeds" });
  await dialog.getByRole("button", { name: "Assign" }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, "+442079460123").getByRole("cell").nth(2)).toHaveText("Leeds");
  await page.reload();
  await expect(row(page, "+442079460123").getByRole("cell").nth(2)).toHaveText("Leeds");
});

test("only variants published to the number's environment are offered", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  expect(await offeredVariants(page, "+441134960456")).toEqual(["Default", "London"]);
  expect(await offeredVariants(page, "+447700900321")).toEqual(["Default"]);
});

test("a new variant shows its callout until published, then is assignable in Sandbox only", async ({ page }) => {
  await openHydrated(page, "/projects/acme/variants");
  await expect(page.getByRole("heading", { level: 1, name: "Variants" })).toBeVisible();
  await page.getByRole("textbox", { name: "Variant name" }).fill("  Manchester ");
  await page.getByRole("button", { name: "Add variant" }).click();
  await expect(page.getByRole("button", { name: "Rename Manchester" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Variant name" })).toHaveValue("");

  await openHydrated(page, "/projects/acme/numbers");
  const callout = page.getByRole("status").filter({ hasText: /^New variant added/ });
  await expect(callout).toBeVisible();
  await callout.getByRole("button", { name: "Publish" }).focus();
  await page.keyboard.press("Enter");
  await expect(callout).toHaveCount(0);
  // The callout went with its button: focus lands on the section the draft went to.
  await expect(page.getByRole("button", { name: "Sandbox", exact: true })).toBeFocused();
  expect(await offeredVariants(page, "+442079460123")).toEqual(["Default", "London", "Leeds", "Glasgow", "Manchester"]);
  expect(await offeredVariants(page, "+441134960456")).toEqual(["Default", "London"]);

  // Promote Sandbox to Pre-release: now assignable there too, but not in Live.
  await openHydrated(page, "/projects/acme/variants");
  await page.getByRole("button", { name: "Promote to Pre-release" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Promoted to Pre-release." })).toBeVisible();
  await openHydrated(page, "/projects/acme/numbers");
  expect(await offeredVariants(page, "+441134960456")).toContain("Manchester");
  expect(await offeredVariants(page, "+447700900321")).toEqual(["Default"]);

  // Promoting to Live asks for confirmation first.
  await openHydrated(page, "/projects/acme/variants");
  await page.getByRole("button", { name: "Promote to Live" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Promote to Live" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Promote" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Promoted to Live." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Live v2" })).toContainText("Manchester");
  await openHydrated(page, "/projects/acme/numbers");
  expect(await offeredVariants(page, "+447700900321")).toContain("Manchester");
});

test("deleting an assigned variant shows the Variant deleted callout", async ({ page }) => {
  await openHydrated(page, "/projects/acme/variants");
  await page.getByRole("button", { name: "Delete London" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete variant" });
  await expect(confirm).toContainText("+442079460123");
  await expect(confirm).toContainText("+441134960456");
  await confirm.getByRole("button", { name: "Delete variant" }).click();
  await expect(page.getByRole("button", { name: "Delete London" })).toHaveCount(0);

  await openHydrated(page, "/projects/acme/numbers");
  const callout = page.getByRole("status").filter({ hasText: /^Variant deleted/ });
  await expect(callout).toBeVisible();
  await expect(callout.getByRole("button", { name: "Publish" })).toBeVisible();
  await expect(row(page, "+442079460123")).toContainText("London");
  await expect(row(page, "+442079460123")).toContainText("deleted");

  // Reassigning the affected numbers makes the callout go away.
  for (const e164 of ["+442079460123", "+441134960456"]) {
    const dialog = await openReassign(page, e164);
    await dialog.getByRole("combobox", { name: "Variant" }).selectOption({ label: "Default" });
    await dialog.getByRole("button", { name: "Assign" }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(callout).toHaveCount(0);
});

test("a project gaining its first variant shows Draft variants and says to publish first", async ({ page }) => {
  await openHydrated(page, "/projects/solo/numbers");
  await page.getByRole("button", { name: "Actions for +441632960001" }).click();
  await expect(page.getByRole("menuitem", { name: "Test routing" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Reassign variant" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await openHydrated(page, "/projects/solo/variants");
  await page.getByRole("textbox", { name: "Variant name" }).fill("Clinic");
  await page.getByRole("button", { name: "Add variant" }).click();
  await expect(page.getByRole("button", { name: "Rename Clinic" })).toBeVisible();

  await openHydrated(page, "/projects/solo/numbers");
  await expect(page.getByRole("columnheader", { name: "Assigned variant" })).toBeVisible();
  await expect(row(page, "+441632960001")).toContainText("Unassigned");
  const callout = page.getByRole("status").filter({ hasText: /^Draft variants/ });
  await expect(callout).toBeVisible();

  const dialog = await openReassign(page, "+441632960001");
  await expect(dialog.getByRole("status")).toContainText("Publish the project first");
  await expect(dialog.getByRole("link", { name: "Go to Variants" })).toHaveAttribute("href", "/projects/solo/variants");
  await expect(dialog.getByRole("button", { name: "Assign" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await callout.getByRole("button", { name: "Publish" }).click();
  await expect(callout).toHaveCount(0);
  await row(page, "+441632960001").getByRole("button", { name: "Assign variant" }).click();
  const assign = page.getByRole("dialog", { name: "Reassign variant" });
  await expect(assign.getByRole("combobox", { name: "Variant" })).toHaveValue(/\d+/);
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(assign).toBeHidden();
  await expect(row(page, "+441632960001")).toContainText("Clinic");
});

test("variant names are checked as you type, and by the server", async ({ page }) => {
  await openHydrated(page, "/projects/acme/variants");
  const name = page.getByRole("textbox", { name: "Variant name" });
  await name.fill("x".repeat(61));
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("A variant name has at most 60 characters (this one has 61).")).toBeVisible();
  await name.fill("Madrid");
  await page.getByRole("button", { name: "Add variant" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Variant added to the draft." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename Madrid" })).toBeVisible();
  await name.fill("london");
  // The page reloads its data after every change, a refused one too.
  const reloaded = page.waitForResponse((r) => r.url().includes("load_variants_page"));
  await page.getByRole("button", { name: "Add variant" }).click();
  await expect(page.getByText('There is already a variant called "london".')).toBeVisible();
  await reloaded;
  // Once what that reload brought is rendered (two frames later), what was typed is still
  // there to be corrected; the earlier success is no longer the news.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(name).toHaveValue("london");
  await expect(page.getByText("Variant added to the draft.")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Rename / })).toHaveCount(5);
});

test("rename a variant", async ({ page }) => {
  await openHydrated(page, "/projects/acme/variants");
  await page.getByRole("button", { name: "Rename Leeds" }).click();
  const field = page.getByRole("textbox", { name: "New name for Leeds" });
  await field.fill("Yorkshire");
  await field.press("Enter");
  await expect(page.getByRole("button", { name: "Rename Yorkshire" })).toBeVisible();
  await openHydrated(page, "/projects/acme/numbers");
  expect(await offeredVariants(page, "+442079460123")).toContain("Yorkshire");
});

test("keyboard-only reassignment through the actions menu", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const actions = page.getByRole("button", { name: "Actions for +12125550142" });
  await actions.focus();
  await page.keyboard.press("Enter");
  const item = page.getByRole("menuitem", { name: "Reassign variant" });
  const routing = page.getByRole("menuitem", { name: "Test routing" });
  const remove = page.getByRole("menuitem", { name: "Delete number" });
  await expect(page.getByRole("menuitem")).toHaveText(["Reassign variant", "Test routing", "History", "Delete number"]);
  await expect(item).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(routing).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(remove).toBeFocused(); // wraps around
  await page.keyboard.press("ArrowDown");
  await expect(item).toBeFocused();
  await page.keyboard.press("End");
  await expect(remove).toBeFocused();
  await page.keyboard.press("Home");
  await expect(item).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(actions).toBeFocused();

  await page.keyboard.press("ArrowDown");
  await expect(item).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Reassign variant" });
  const select = dialog.getByRole("combobox", { name: "Variant" });
  await expect(select).toBeFocused();
  await select.selectOption({ label: "London" }); // a focused <select> changes with the keyboard natively
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Assign" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(row(page, "+12125550142").getByRole("cell").nth(2)).toHaveText("London");
  await expect(page.getByRole("button", { name: "Actions for +12125550142" })).toBeFocused();
});

test("Escape closes the dialog and returns focus to the actions button", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  await openReassign(page, "+447700900321");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Reassign variant" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Actions for +447700900321" })).toBeFocused();
});
