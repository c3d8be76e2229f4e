import type { Page } from "@playwright/test";
import { ACCOUNT_SID, API_KEY_SECRET, API_KEY_SID } from "./fake-twilio";
import { expect, test } from "./fixtures";
import { answerAfterClosing, openHydrated } from "./helpers";

/** Every secret the tests below type; none may reach a page or the server's log. */
const SECRETS = ["wrong-token-1234", "demo-token", "rotated-token", API_KEY_SECRET];

async function expectNoSecretIn(page: Page, log: string) {
  const html = await page.content();
  for (const secret of SECRETS) {
    expect(html, `the page shows ${secret}`).not.toContain(secret);
    expect(log, `the server logged ${secret}`).not.toContain(secret);
  }
}

test.describe("as an admin, with the server logging everything", () => {
  test.use({ serverEnv: { RUST_LOG: "debug" } });

  test("connect a Twilio account to fresh, connect a number, rotate the credentials, disconnect", async ({ page, twilio, serverOutput }) => {
    await openHydrated(page, "/projects/fresh/numbers");
    const blocked = page.getByRole("status").filter({ hasText: /^No telephony integration/ });
    await blocked.getByRole("link", { name: "Integrations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Built-in numbers" })).toContainText("Not enabled");
    const region = page.getByRole("region", { name: "Twilio" });
    await region.getByRole("button", { name: "Connect Twilio account" }).click();
    const connect = page.getByRole("dialog", { name: "Connect Twilio account" });
    await expect(connect).toContainText("needed even when you add an API key");
    await connect.getByRole("textbox", { name: "Account SID" }).fill(ACCOUNT_SID);
    const token = connect.getByRole("textbox", { name: "Auth token" });
    await token.fill("wrong-token-1234");
    await connect.getByRole("button", { name: "Connect" }).click();
    await expect(token).toHaveAttribute("aria-invalid", "true");
    await expect(connect).toContainText(`Twilio refused this auth token for account ${ACCOUNT_SID}`);
    await expect(token).toBeFocused();
    await token.fill("still-being-typed");
    await expect(token).toHaveAttribute("aria-invalid", "false");
    await expect(connect).not.toContainText("Twilio refused this auth token");
    await page.reload();
    await expect(page.getByRole("region", { name: "Twilio" }).getByRole("button", { name: "Connect Twilio account" })).toBeVisible();
    await region.getByRole("button", { name: "Connect Twilio account" }).click();
    await connect.getByRole("textbox", { name: "Account SID" }).fill(ACCOUNT_SID);
    await connect.getByRole("textbox", { name: "Auth token" }).fill("demo-token");
    await connect.getByRole("button", { name: "Connect" }).click();
    await expect(connect).toBeHidden();
    await expect(region).toContainText("Connected");
    await expect(region).toContainText(ACCOUNT_SID);
    await expect(region).toContainText("Demo Twilio account");
    await expect(region).toContainText("Full");
    await expectNoSecretIn(page, serverOutput.text);

    await page.getByRole("link", { name: "Back to Numbers" }).click();
    await page.getByRole("button", { name: "Add number to Sandbox" }).click();
    const add = page.getByRole("dialog", { name: "Add number" });
    await expect(add.getByRole("radio", { name: "Buy a new number" })).toBeEnabled();
    await expect(add).toContainText("Bought through this project's Twilio account, and billed there.");
    await expect(add.getByRole("radio", { name: "US" })).toBeChecked();
    await add.getByRole("radio", { name: "Connect an existing Twilio number" }).check();
    await add.getByRole("textbox", { name: "Twilio phone number" }).fill("+1 415 555 0123");
    await add.getByRole("button", { name: "Connect" }).click();
    await expect(add).toBeHidden();
    await expect(page.getByRole("region", { name: "Sandbox" }).locator('tr[data-e164="+14155550123"]')).toHaveCount(1);
    expect(twilio.numbers.get("+14155550123")?.voice_url).toBe("https://numbers.invalid/telephony/twilio/voice");

    // The customer rotates the auth token in the Twilio Console and moves to an API key.
    twilio.authToken = "rotated-token";
    await page.getByRole("link", { name: "Integrations" }).click();
    await region.getByRole("button", { name: "Update credentials" }).click();
    const update = page.getByRole("dialog", { name: "Update Twilio credentials" });
    await expect(update.getByRole("textbox", { name: "Account SID" })).toHaveValue(ACCOUNT_SID);
    await update.getByRole("textbox", { name: "Auth token" }).fill("rotated-token");
    await update.getByRole("textbox", { name: "API key SID (optional)" }).fill(API_KEY_SID);
    await update.getByRole("textbox", { name: "API key secret (optional)" }).fill(API_KEY_SECRET);
    await update.getByRole("button", { name: "Save" }).click();
    await expect(update).toBeHidden();
    await expect(region).toContainText(`API key ${API_KEY_SID}`);
    await expect(region).toContainText("+1 415-555-0123");

    await region.getByRole("button", { name: "Disconnect Twilio account" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Disconnect Twilio account" });
    await expect(confirm).toContainText("+1 415-555-0123");
    await expect(confirm).toContainText("Nothing is released");
    await confirm.getByRole("button", { name: "Disconnect" }).click();
    await expect(confirm).toBeHidden();
    await expect(region.getByRole("button", { name: "Connect Twilio account" })).toBeVisible();
    expect(twilio.numbers.get("+14155550123")?.voice_url).toBe("https://customer.example/original-voice");
    await expectNoSecretIn(page, serverOutput.text);

    await openHydrated(page, "/projects/fresh/history");
    for (const change of ["Twilio account connected", "Twilio credentials updated", "Twilio account disconnected", "Connected", "Disconnected"]) {
      await expect(page.locator("main")).toContainText(change);
    }
    await expectNoSecretIn(page, serverOutput.text);
    await openHydrated(page, "/projects/fresh/numbers");
    await expect(page.getByRole("status").filter({ hasText: /^No telephony integration/ })).toBeVisible();
  });
});

test.describe("as a viewer (Read)", () => {
  test.use({ member: "viewer@example.com" });

  test("sees acme's integrations and cannot change them", async ({ page }) => {
    await openHydrated(page, "/projects/acme/integrations");
    await expect(page.getByRole("region", { name: "Built-in numbers" })).toContainText("Managed by the platform");
    await expect(page.getByRole("region", { name: "SIP peering" })).toHaveCount(0);
    const region = page.getByRole("region", { name: "Twilio" });
    await expect(region).toContainText(ACCOUNT_SID);
    await expect(region).toContainText("+1 212-555-0142");
    await expect(region.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("note")).toContainText("View only");
  });
});

test("closing a Twilio dialog returns focus to the button that opened it", async ({ page }) => {
  await openHydrated(page, "/projects/acme/integrations");
  const region = page.getByRole("region", { name: "Twilio" });
  for (const [button, dialog] of [
    ["Update credentials", page.getByRole("dialog", { name: "Update Twilio credentials" })],
    ["Disconnect Twilio account", page.getByRole("alertdialog", { name: "Disconnect Twilio account" })],
  ] as const) {
    await region.getByRole("button", { name: button }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(region.getByRole("button", { name: button })).toBeFocused();
  }
});

test("an empty form names every field to fill, and focuses the first", async ({ page }) => {
  await openHydrated(page, "/projects/fresh/integrations");
  await page.getByRole("button", { name: "Connect Twilio account" }).click();
  const connect = page.getByRole("dialog", { name: "Connect Twilio account" });
  await connect.getByRole("textbox", { name: "API key secret (optional)" }).fill("a-secret");
  await connect.getByRole("button", { name: "Connect" }).click();
  for (const field of ["Account SID", "Auth token", "API key SID (optional)"]) {
    await expect(connect.getByRole("textbox", { name: field })).toHaveAttribute("aria-invalid", "true");
  }
  await expect(connect.getByRole("textbox", { name: "Account SID" })).toBeFocused();
  await expect(connect).toContainText("Enter the auth token.");
  await expect(connect).toContainText("Enter the API key's SID too, or leave both API key fields empty.");
});

test("Check connection asks Twilio again with the stored credentials", async ({ page, twilio }) => {
  await openHydrated(page, "/projects/acme/integrations");
  const region = page.getByRole("region", { name: "Twilio" });
  await expect(region).toContainText("Not verified yet");
  await region.getByRole("button", { name: "Check connection" }).click();
  await expect(page.locator(".toast-region")).toHaveText("Twilio accepted the stored credentials.");
  await expect(region).toContainText("Demo Twilio account");
  await expect(region).not.toContainText("Not verified yet");
  // Rotated in the Twilio Console: the stored token no longer works, and the page says what to do.
  twilio.authToken = "rotated-in-the-console";
  await region.getByRole("button", { name: "Check connection" }).click();
  await expect(page.getByRole("alert")).toContainText("Twilio refused the stored credentials");
  await expect(page.getByRole("alert")).toContainText("Update the credentials");
});

test("a connect that fails after its dialog was closed says so on the page", async ({ page }) => {
  await openHydrated(page, "/projects/fresh/integrations");
  const region = page.getByRole("region", { name: "Twilio" });
  await region.getByRole("button", { name: "Connect Twilio account" }).click();
  const connect = page.getByRole("dialog", { name: "Connect Twilio account" });
  await connect.getByRole("textbox", { name: "Account SID" }).fill(ACCOUNT_SID);
  await connect.getByRole("textbox", { name: "Auth token" }).fill("wrong-token-1234");
  await answerAfterClosing(page, "connect_twilio", connect, () => connect.getByRole("button", { name: "Connect" }).click());
  await expect(page.getByRole("alert")).toContainText(`The Twilio account was not connected. Twilio refused this auth token for account ${ACCOUNT_SID}`);
  await expect(region.getByRole("button", { name: "Connect Twilio account" })).toBeVisible();
});
