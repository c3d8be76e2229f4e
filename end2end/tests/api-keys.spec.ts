import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

// The API keys page (UI-CONTRACT "API keys page"): a key is shown once, listed without it, and
// revoked through a confirmation.

test("create an API key, see it once, then revoke it", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(page.getByText("No API keys yet.")).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByRole("textbox", { name: "Key name" })).toBeFocused();
  await expect(page.getByText("Give the key a name")).toBeVisible();

  await page.getByRole("textbox", { name: "Key name" }).fill("CI deploys");
  const access = page.getByRole("radiogroup", { name: "Access" });
  await access.getByRole("radio", { name: "Read and write" }).check();
  await page.getByRole("button", { name: "Create API key" }).click();
  const shown = page.getByRole("textbox", { name: "New API key" });
  await expect(shown).toHaveValue(/^nmbr_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  await expect(shown).toBeFocused();
  await expect(page.getByRole("button", { name: "Copy API key" })).toBeVisible();
  const key = await shown.inputValue();
  const row = page.locator("table.api-keys tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("CI deploys");
  await expect(row).toContainText("Read and write");
  await expect(row).toContainText("Never");

  // One live key per name: the list, the history and `Revoke {name}` tell keys apart by it.
  await page.getByRole("textbox", { name: "Key name" }).fill("ci deploys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("A key named “ci deploys” exists already")).toBeVisible();
  await expect(row).toHaveCount(1);

  // Shown once: a reload lists the key without it.
  await openHydrated(page, "/projects/acme/api-keys");
  await expect(page.getByRole("textbox", { name: "New API key" })).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  await page.getByRole("button", { name: "Revoke CI deploys" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Revoke API key" });
  await expect(dialog).toContainText("CI deploys");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Revoke CI deploys" })).toBeFocused();
  await page.getByRole("button", { name: "Revoke CI deploys" }).click();
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "revoked" })).toContainText("API key “CI deploys” revoked.");
  await expect(page.getByText("No API keys yet.")).toBeVisible();

  await openHydrated(page, "/projects/acme/history");
  await expect(page.getByRole("table").first()).toContainText("API key revoked");
});

test.describe("as a member with Read access", () => {
  test.use({ member: "viewer@example.com" });

  test("the keys are listed but cannot be created or revoked", async ({ page }) => {
    await openHydrated(page, "/projects/acme/api-keys");
    await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await expect(page.getByText("You have Read access to this project")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  });
});
