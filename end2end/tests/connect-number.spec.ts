import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

async function openConnect(page: Page, environment: string) {
  await page.getByRole("button", { name: `Add number to ${environment}` }).click();
  const dialog = page.getByRole("dialog", { name: "Add number" });
  await dialog.getByRole("radio", { name: "Connect an existing Twilio number" }).check();
  await expect(dialog.getByRole("button", { name: "Connect" })).toBeVisible();
  return dialog;
}

test("connect an owned Twilio number: it appears and Twilio now sends calls to us", async ({ page, twilio }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openConnect(page, "Pre-release");
  await expect(dialog).toContainText("We point its voice webhook");
  await dialog.getByRole("textbox", { name: "Twilio phone number" }).fill("(415) 555-0123");
  await dialog.getByRole("combobox", { name: "Variant (optional)" }).selectOption({ label: "London" });
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("region", { name: "Pre-release" }).locator('tr[data-e164="+14155550123"]');
  await expect(row).toContainText("Twilio");
  await expect(row).toContainText("London");
  expect(twilio.numbers.get("+14155550123")?.voice_url).toBe("https://numbers.invalid/telephony/twilio/voice");
});

test("an unowned or already connected number is refused next to the field", async ({ page, twilio }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openConnect(page, "Sandbox");
  const field = dialog.getByRole("textbox", { name: "Twilio phone number" });
  await field.fill("+1 646 555 0100");
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.locator(`#${await field.getAttribute("aria-describedby")}`)).toContainText(
    "+16465550100 is not in this project's Twilio account",
  );
  await expect(field).toBeFocused();
  await field.fill("+12125550142");
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog).toContainText("+12125550142 is already connected to a project.");
  await field.fill("12");
  await field.blur();
  await expect(dialog).toContainText("include the country code");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("tr[data-e164]")).toHaveCount(4);
  expect([...twilio.requests].filter((r) => r.startsWith("POST"))).toEqual([]);
});

test("without a Twilio integration the Connect option explains how to get one", async ({ page }) => {
  await openHydrated(page, "/projects/solo/numbers");
  const dialog = await openConnect(page, "Sandbox");
  await expect(dialog.getByRole("status")).toContainText("This project has no Twilio account");
  await expect(dialog.getByRole("status")).toContainText("Integrations page");
  await expect(dialog.getByRole("button", { name: "Connect" })).toBeDisabled();
});

test.describe("when Twilio answers too late", () => {
  // Twilio is waited on for 1 s; the worker reads what it did 2 s later, checking every second.
  test.use({ serverEnv: { TWILIO_TIMEOUT_SECS: "1", NUMBERS_CHECK_AFTER_SECS: "2", NUMBERS_RELEASE_CHECK_SECS: "1" } });

  test("the connection is shown as being checked, then as connected once Twilio is read", async ({ page, twilio }) => {
    twilio.updateAnswerDelayMs = 3_000;
    await openHydrated(page, "/projects/acme/numbers");
    const dialog = await openConnect(page, "Sandbox");
    await dialog.getByRole("textbox", { name: "Twilio phone number" }).fill("(415) 555-0123");
    await dialog.getByRole("button", { name: "Connect" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Twilio did not answer in time");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    const checks = page.locator(".checks");
    await expect(checks.getByRole("status")).toContainText(/415.555.0123/);
    await expect(checks.getByRole("status")).toContainText("checking");
    await expect(page.locator('tr[data-e164="+14155550123"]')).toHaveCount(0);
    expect(twilio.numbers.get("+14155550123")?.voice_url).toBe("https://numbers.invalid/telephony/twilio/voice");

    // The page does not update by itself yet: reloading shows the worker's answer once it is in.
    const row = page.getByRole("region", { name: "Sandbox" }).locator('tr[data-e164="+14155550123"]');
    await expect(async () => {
      await page.reload();
      await expect(checks).toHaveCount(0, { timeout: 100 });
    }).toPass({ timeout: 15_000 });
    await expect(row).toContainText("Twilio");
  });
});
