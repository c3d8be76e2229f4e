import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

function section(page: Page, name: string) {
  return page.getByRole("region", { name });
}

/** Types `input` into the area code: `message` is named next to it and Add buys nothing. */
async function expectRefused(dialog: Locator, area: Locator, input: string, message: string) {
  await area.fill(input);
  await expect(area).toHaveAttribute("aria-invalid", "true");
  const described = await area.getAttribute("aria-describedby");
  await expect(dialog.locator(`#${described}`)).toHaveText(message);
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog).toBeVisible();
}

async function openAdd(page: Page, environment: string) {
  await page.getByRole("button", { name: `Add number to ${environment}` }).click();
  const dialog = page.getByRole("dialog", { name: "Add number" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(environment);
  return dialog;
}

test("the add button shows 'Number' and is named for its environment", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  for (const env of ["Sandbox", "Pre-release", "Live"]) {
    const button = section(page, env).getByRole("button", { name: `Add number to ${env}` });
    await expect(button).toHaveText("Number");
  }
});

test("buy a UK number into Sandbox", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openAdd(page, "Sandbox");
  const how = dialog.getByRole("radiogroup", { name: "How do you want to add a number?" });
  await expect(how.getByRole("radio", { name: "Buy a new number" })).toBeChecked();
  await expect(dialog.getByRole("radiogroup", { name: "Country" }).getByRole("radio", { name: "UK" })).toBeChecked();
  await expect(dialog.getByRole("textbox", { name: "Area code (optional)" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog).toBeHidden();
  const rows = section(page, "Sandbox").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const added = rows.nth(2);
  await expect(added).toHaveAttribute("data-e164", /^\+44\d{10}$/);
  await expect(added).toContainText("PolyAI");
  await expect(added).toContainText("Unassigned");
  await expect(section(page, "Sandbox")).toContainText("3 numbers");
  await expect(page.getByRole("button", { name: "Add number to Sandbox" })).toBeFocused();
});

test("buy a US number with area code 212 into Live with a variant", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openAdd(page, "Live");
  await dialog.getByRole("radio", { name: "US" }).check();
  await dialog.getByRole("textbox", { name: "Area code (optional)" }).fill("212");
  const variant = dialog.getByRole("combobox", { name: "Variant (optional)" });
  await expect(variant.locator("option")).toHaveText(["No variant", "Default"]);
  await variant.selectOption({ label: "Default" });
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog).toBeHidden();
  const added = section(page, "Live").locator('tr[data-e164^="+1212555"]');
  await expect(added).toHaveCount(1);
  await expect(added).toContainText("Default");
  await expect(added).toContainText(/\+1 212-555-01\d\d/);
});

test("invalid area codes are named next to the field and buy nothing", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openAdd(page, "Sandbox");
  await dialog.getByRole("radio", { name: "US" }).check();
  const area = dialog.getByRole("textbox", { name: "Area code (optional)" });
  const cases: [string, string][] = [
    ["911", "911 is a service code, not an area code."],
    ["800", "800 is a toll-free code; choose a local area code."],
    ["12", "An area code has exactly 3 digits."],
    ["abc", "An area code has exactly 3 digits."],
  ];
  for (const [input, message] of cases) {
    await expectRefused(dialog, area, input, message);
  }
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(section(page, "Sandbox").locator("tbody tr")).toHaveCount(2);
});

test("an area code without stock shows the provider's message and buys nothing", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openAdd(page, "Pre-release");
  await dialog.getByRole("radio", { name: "US" }).check();
  await dialog.getByRole("textbox", { name: "Area code (optional)" }).fill("907");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/No numbers are available in area code 907/);
  await dialog.getByRole("textbox", { name: "Area code (optional)" }).fill("415");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog).toBeHidden();
  await expect(section(page, "Pre-release").locator("tbody tr")).toHaveCount(2);
  await expect(section(page, "Pre-release").locator('tr[data-e164^="+1415"]')).toHaveCount(1);
});

test("a double click buys exactly one number", async ({ page }) => {
  await openHydrated(page, "/projects/solo/numbers");
  const dialog = await openAdd(page, "Live");
  await dialog.getByRole("button", { name: "Add" }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(section(page, "Live").locator("tbody tr")).toHaveCount(1);
  await page.reload();
  await expect(section(page, "Live").locator("tbody tr")).toHaveCount(1);
});

test("keyboard-only: open, choose US, submit; Escape closes and returns focus", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const add = page.getByRole("button", { name: "Add number to Pre-release" });
  await add.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Add number" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(add).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const buy = dialog.getByRole("radio", { name: "Buy a new number" });
  await expect(buy).toBeFocused();
  await page.keyboard.press("Tab"); // to the Country group
  await expect(dialog.getByRole("radio", { name: "UK" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("radio", { name: "US" })).toBeChecked();
  await page.keyboard.press("Tab");
  const area = dialog.getByRole("textbox", { name: "Area code (optional)" });
  await expect(area).toBeFocused();
  await page.keyboard.type("646");
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(section(page, "Pre-release").locator('tr[data-e164^="+1646"]')).toHaveCount(1);
  await expect(add).toBeFocused();
});

test("buy Canadian numbers with and without an area code; they show as Canada", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  let dialog = await openAdd(page, "Sandbox");
  await dialog.getByRole("radio", { name: "Canada" }).check();
  const area = dialog.getByRole("textbox", { name: "Area code (optional)" });
  await expect(area).toHaveValue("");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog).toBeHidden();
  const any = section(page, "Sandbox").locator("tbody tr").nth(2);
  await expect(any).toHaveAttribute("data-e164", /^\+1(416|604)55501\d\d$/);
  await expect(any.locator("abbr.country")).toHaveText("CA");
  await expect(any.locator("abbr.country")).toHaveAttribute("title", "Canada");

  dialog = await openAdd(page, "Sandbox");
  await dialog.getByRole("radio", { name: "Canada" }).check();
  await dialog.getByRole("textbox", { name: "Area code (optional)" }).fill("604");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog).toBeHidden();
  const vancouver = section(page, "Sandbox").locator('tr[data-e164^="+1604555"]');
  await expect(vancouver.first()).toContainText(/\+1 604-555-01\d\d/);
  await expect(section(page, "Sandbox")).toContainText("4 numbers");
  await page.reload();
  await expect(section(page, "Sandbox").locator('tr[data-e164^="+1416555"], tr[data-e164^="+1604555"]')).toHaveCount(2);
});

test("a US area code is refused for Canada and a Canadian one for the US, naming the country", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openAdd(page, "Sandbox");
  await dialog.getByRole("radio", { name: "Canada" }).check();
  const area = dialog.getByRole("textbox", { name: "Area code (optional)" });
  for (const [country, code, message] of [
    ["Canada", "212", "212 is not a Canadian area code."],
    ["US", "416", "416 is a Canadian area code; choose Canada to buy in it."],
  ]) {
    await dialog.getByRole("radio", { name: country }).check();
    await expectRefused(dialog, area, code, message);
  }
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(section(page, "Sandbox").locator("tbody tr")).toHaveCount(2);
});
