import { expect, test } from "./fixtures";
import { openHydrated, signInThrough } from "./helpers";

test.describe("signed out", () => {
  test.use({ member: null });

  test("after signing in, next never leads to another site", async ({ page, server }) => {
    const own = new URL(server);
    // Each of these would leave the site if taken as written (a browser drops the tab in "/\t/…").
    for (const next of ["/\t/evil.example", "//evil.example", "/\\evil.example", "/.//evil.example", "https://evil.example/", "javascript:alert(1)"]) {
      const landed = await signInThrough(page, server, next);
      expect(landed.host, JSON.stringify(next)).toBe(own.host);
      await expect(page.getByRole("heading", { level: 1, name: "Numbers" })).toBeVisible();
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/signin$/);
    }
    const landed = await signInThrough(page, server, "/projects/acme/history?page=1");
    expect(`${landed.host}${landed.pathname}${landed.search}`).toBe(`${own.host}/projects/acme/history?page=1`);
  });
});

test("typed numbers: letters are named next to the field, other scripts' digits are read", async ({ page, twilio }) => {
  await openHydrated(page, "/projects/acme/numbers");
  await page.getByRole("button", { name: "Add number to Sandbox" }).click();
  const dialog = page.getByRole("dialog", { name: "Add number" });
  await dialog.getByRole("radio", { name: "Connect an existing Twilio number" }).check();
  const field = dialog.getByRole("textbox", { name: "Twilio phone number" });
  await field.fill("+1 415 555 O123");
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("this one has letters (O)");
  await field.fill("+1 415 555 0123 ext. 7");
  await field.blur();
  await expect(dialog).toContainText("without an extension");
  // Full-width digits, no separator after the country code: the customer's +1 415 555 0123.
  await field.fill("＋１４１５-５５５-０１２３");
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Sandbox" }).locator('tr[data-e164="+14155550123"]')).toBeVisible();
  expect(twilio.numbers.get("+14155550123")?.voice_url).toBe("https://numbers.invalid/telephony/twilio/voice");
});

test("a US area code outside NANPA's geographic codes is refused with why", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  await page.getByRole("button", { name: "Add number to Sandbox" }).click();
  const dialog = page.getByRole("dialog", { name: "Add number" });
  await dialog.getByRole("radio", { name: "US" }).check();
  const area = dialog.getByRole("textbox", { name: "Area code (optional)" });
  for (const [code, why] of [["900", "premium-rate"], ["999", "reserved"], ["522", "personal communications"], ["700", "carrier"]]) {
    await area.fill(code);
    await expect(area).toHaveAttribute("aria-invalid", "true");
    await expect(dialog).toContainText(why);
  }
  await area.fill("907");
  await expect(area).toHaveAttribute("aria-invalid", "false");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("No numbers are available in area code 907");
});
