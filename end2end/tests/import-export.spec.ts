import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

// The Numbers page's Import action (a pasted list or CSV file of Twilio numbers to connect,
// previewed row by row before anything changes) and its Export CSV of the current view.

test("import a CSV file with good and bad rows: preview, then connect the good ones", async ({ page, twilio }) => {
  twilio.own("+14155550124", "https://customer.example/other-voice");
  await openHydrated(page, "/projects/acme/numbers");
  const sandbox = page.getByTestId("env-sandbox");
  await page.getByRole("button", { name: "Import numbers to Sandbox" }).click();
  const dialog = page.getByRole("dialog", { name: "Import numbers" });
  await expect(dialog).toContainText("Sandbox");

  const csv = [
    "phone_number,variant",
    "+1 415 555 0123,London",
    "+14155550124,",
    "+14155550199,",
    "+1 415 555 0123,",
    "+442079460123,",
    "call me maybe,",
    "+14155550125,Glasgow",
  ].join("\n");
  await dialog.getByLabel("CSV file").setInputFiles({ name: "numbers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(dialog.getByRole("textbox", { name: "Numbers to connect" })).toHaveValue(csv);
  await dialog.getByRole("button", { name: "Preview" }).click();

  const preview = dialog.getByRole("table");
  await expect(dialog.getByRole("status")).toHaveText("2 of 7 numbers will be connected; 5 cannot be.");
  const rows = preview.locator("tbody tr");
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(0)).toContainText("Will be connected");
  await expect(rows.nth(0)).toContainText("London");
  await expect(rows.nth(2)).toContainText("not in this project's Twilio account");
  await expect(rows.nth(3)).toContainText("Listed already, on line 2.");
  await expect(rows.nth(4)).toContainText("Already in this project.");
  await expect(rows.nth(5)).toContainText("this one has letters");
  await expect(rows.nth(6)).toContainText("No variant named “Glasgow” is published to Sandbox.");
  // Nothing changed yet.
  await expect(sandbox.locator('tr[data-e164="+14155550123"]')).toHaveCount(0);

  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog.getByRole("status")).toHaveText("2 of 7 numbers were connected; 5 were not.");
  await expect(dialog.getByRole("status")).toBeFocused();
  await expect(rows.nth(0)).toContainText("Connected");
  await expect(sandbox.locator('tr[data-e164="+14155550123"]')).toContainText("London");
  await expect(sandbox.locator('tr[data-e164="+14155550124"]')).toBeVisible();
  expect(twilio.numbers.get("+14155550124")?.voice_url).toMatch(/\/telephony\/twilio\/voice$/);

  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Import numbers to Sandbox" })).toBeFocused();
});

test("a pasted list is read one number per line; editing it asks for a new preview", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  await page.getByRole("button", { name: "Import numbers to Live" }).click();
  const dialog = page.getByRole("dialog", { name: "Import numbers" });
  const text = dialog.getByRole("textbox", { name: "Numbers to connect" });
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(text).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("Paste numbers, one per line");

  await text.fill("+1 415 555 0123");
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("status")).toHaveText("1 of 1 number will be connected.");
  await text.fill("+1 415 555 0123\n+1 415 555 0198");
  await expect(dialog.getByRole("table")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Preview" })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("env-live").locator('tr[data-e164="+14155550123"]')).toHaveCount(0);
});

test("Export CSV downloads the current view, search and filters applied", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers?source=polyai");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("acme-numbers.csv");
  const path = await download.path();
  const text = require("node:fs").readFileSync(path, "utf8");
  expect(text.trim().split("\n")).toEqual([
    "phone_number,environment,source,ownership,variant,state",
    "+442079460123,sandbox,polyai,bought,London,active",
    "+441134960456,pre-release,polyai,bought,London,active",
    "+447700900321,live,polyai,bought,Default,active",
  ]);
});

test.describe("as a member with Read access", () => {
  test.use({ member: "viewer@example.com" });

  test("there is no Import, and the export still works", async ({ page }) => {
    await openHydrated(page, "/projects/acme/numbers");
    await expect(page.getByRole("button", { name: /^Import numbers to/ })).toHaveCount(0);
    const response = await page.request.get("/projects/acme/numbers.csv?q=7946");
    expect(response.status()).toBe(200);
    expect((await response.text()).trim().split("\n")).toHaveLength(2);
  });
});
