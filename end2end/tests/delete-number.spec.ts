import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { answerAfterClosing, openHydrated } from "./helpers";

async function openDelete(page: Page, e164: string) {
  await page.getByRole("button", { name: `Actions for ${e164}` }).click();
  await page.getByRole("menuitem", { name: "Delete number" }).click();
  return page.getByRole("alertdialog", { name: "Delete number" });
}

test("deleting a bought Sandbox number releases it after the undo window; Undo brings it back", async ({ page, twilio }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const sandbox = page.getByRole("region", { name: "Sandbox" });
  const dialog = await openDelete(page, "+442079460123");
  await expect(dialog).toContainText("+44 20 7946 0123");
  await expect(dialog).toContainText("released back to the provider");
  await expect(dialog).toContainText("You can undo this for 10 minutes");
  await expect(dialog.getByRole("textbox", { name: "Last four digits" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Delete number" }).click();
  await expect(dialog).toBeHidden();
  await expect(sandbox.locator('tr[data-e164="+442079460123"]')).toHaveCount(0);
  const notice = page.getByRole("status").filter({ hasText: "was deleted" });
  await expect(notice).toContainText("+44 20 7946 0123 (Sandbox) was deleted");
  const undo = notice.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();

  // The notice survives a reload: the undo window is kept by the server.
  await openHydrated(page, "/projects/acme/numbers");
  await page.getByRole("status").filter({ hasText: "was deleted" }).getByRole("button", { name: "Undo" }).click();
  const row = sandbox.locator('tr[data-e164="+442079460123"]');
  await expect(row).toContainText("London");
  await expect(page.getByRole("status").filter({ hasText: "was deleted" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "The number is back" })).toBeVisible();
  // The Undo button went with its notice: keyboard focus lands on the number that came back.
  await expect(row.getByRole("button", { name: "Actions for +442079460123" })).toBeFocused();
  expect(twilio.requests.filter((r) => r.startsWith("DELETE"))).toEqual([]);
});

test("deleting a connected Twilio number disconnects it: voice URL restored, number still the customer's", async ({ page, twilio }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openDelete(page, "+12125550142");
  await expect(dialog).toContainText("disconnected");
  await expect(dialog).toContainText("stays in your Twilio account");
  await expect(dialog).not.toContainText("released back");
  await dialog.getByRole("button", { name: "Delete number" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('tr[data-e164="+12125550142"]')).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "disconnected" })).toContainText("stays in your Twilio account");
  await expect(page.getByRole("button", { name: "Add number to Sandbox" })).toBeFocused();
  const owned = twilio.numbers.get("+12125550142");
  expect(owned?.voice_url).toBe("https://customer.example/original-voice");
  expect(twilio.requests.filter((r) => r.startsWith("DELETE"))).toEqual([]);
  await openHydrated(page, "/projects/acme/numbers");
  await expect(page.locator('tr[data-e164="+12125550142"]')).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "was deleted" })).toHaveCount(0);
});

test("a delete that fails after its dialog was closed says so on the page", async ({ page, twilio }) => {
  await openHydrated(page, "/projects/acme/numbers");
  // Rotated in the Twilio Console: the disconnect is refused.
  twilio.authToken = "rotated-in-the-console";
  const dialog = await openDelete(page, "+12125550142");
  await answerAfterClosing(page, "delete_number", dialog, () => dialog.getByRole("button", { name: "Delete number" }).click());
  await expect(page.getByRole("alert")).toContainText(
    "+1 212-555-0142 was not deleted. The number is still connected. Twilio refused this project's credentials.",
  );
  await expect(page.locator('tr[data-e164="+12125550142"]')).toHaveCount(1);
});

test("a reload that cannot reach the server keeps the page on screen", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  // The delete reaches the server; the page's reload after it does not.
  await page.route(/\/api\/load_numbers_page/, (route) => route.abort("connectionrefused"));
  const dialog = await openDelete(page, "+442079460123");
  await dialog.getByRole("button", { name: "Delete number" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Sandbox" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search numbers" })).toBeVisible();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
});

test("a Live number needs its last four digits and warns that calls stop at once", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  const dialog = await openDelete(page, "+447700900321");
  await expect(dialog).toContainText("This is a Live number.");
  await expect(dialog).toContainText("Calls to it stop reaching the agent immediately.");
  const digits = dialog.getByRole("textbox", { name: "Last four digits" });
  const confirm = dialog.getByRole("button", { name: "Delete number" });
  await expect(confirm).toBeDisabled();
  await digits.fill("9003");
  await expect(confirm).toBeDisabled();
  await digits.fill("0321");
  await expect(confirm).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Actions for +447700900321" })).toBeFocused();
  await expect(page.locator('tr[data-e164="+447700900321"]')).toHaveCount(1);

  const again = await openDelete(page, "+447700900321");
  await again.getByRole("textbox", { name: "Last four digits" }).fill("0321");
  await again.getByRole("button", { name: "Delete number" }).click();
  await expect(again).toBeHidden();
  await expect(page.getByRole("region", { name: "Live" })).toContainText("No numbers in Live");
});

test("History lists a number's changes newest first, and the project history pages them all", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  await page.getByRole("button", { name: "Actions for +442079460123" }).click();
  await page.getByRole("menuitem", { name: "Reassign variant" }).click();
  const reassign = page.getByRole("dialog", { name: "Reassign variant" });
  await reassign.getByRole("combobox", { name: "Variant" }).selectOption({ label: "Leeds" });
  await reassign.getByRole("button", { name: "Assign" }).click();
  await expect(reassign).toBeHidden();
  await (await openDelete(page, "+442079460123")).getByRole("button", { name: "Delete number" }).click();
  await page.getByRole("status").filter({ hasText: "was deleted" }).getByRole("button", { name: "Undo" }).click();
  await expect(page.locator('tr[data-e164="+442079460123"]')).toContainText("Leeds");

  await page.getByRole("button", { name: "Actions for +442079460123" }).click();
  await page.getByRole("menuitem", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: "History of +442079460123" });
  const rows = history.getByRole("row");
  await expect(rows).toHaveCount(5); // header + 4 entries
  await expect(rows.nth(1)).toContainText("Deletion undone");
  await expect(rows.nth(2)).toContainText("Deletion requested");
  await expect(rows.nth(2)).toContainText("Sandbox · Leeds");
  await expect(rows.nth(3)).toContainText("Variant changed");
  await expect(rows.nth(3)).toContainText("Sandbox · London");
  await expect(rows.nth(3)).toContainText("admin@example.com");
  await expect(rows.nth(4)).toContainText("Bought");
  await history.getByRole("link", { name: "Project history" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/acme\/history/);
  await expect(page.getByRole("row").nth(1)).toContainText("+442079460123");
  await expect(page.getByRole("row").nth(1)).toContainText("Deletion undone");
  await expect(page.getByText("Page 1 of 1")).toBeVisible();
});

test.describe("with a two-second undo window", () => {
  test.use({ serverEnv: { NUMBERS_UNDO_WINDOW_SECS: "2", NUMBERS_RELEASE_CHECK_SECS: "1" } });

  test("the release worker gives the number back once the window closes", async ({ page }) => {
    await openHydrated(page, "/projects/acme/numbers");
    const dialog = await openDelete(page, "+441134960456");
    await expect(dialog).toContainText("You can undo this for 2 seconds");
    await dialog.getByRole("button", { name: "Delete number" }).click();
    await expect(page.getByRole("status").filter({ hasText: "was deleted" })).toBeVisible();
    await expect(async () => {
      await page.goto("/projects/acme/history");
      await expect(page.getByRole("row").nth(1)).toContainText("Released to the provider", { timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await openHydrated(page, "/projects/acme/numbers");
    await expect(page.getByRole("status").filter({ hasText: "was deleted" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Pre-release" })).toContainText("No numbers in Pre-release");
  });
});
