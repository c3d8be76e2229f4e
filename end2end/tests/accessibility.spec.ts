import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { join } from "node:path";
import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page (or `include`) and fails on any serious or critical violation. */
async function expectAccessible(page: Page, what: string, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(WCAG);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(bad, `${what}: axe violations`).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    // One test per page: eleven cold page loads of the debug build with axe on each took about
    // the whole of one test's time budget.
    for (const path of [
      "/projects/acme/numbers",
      "/projects/solo/numbers",
      "/projects/fresh/numbers",
      "/projects/acme/variants",
      "/projects/acme/history",
      "/projects/acme/integrations",
      "/projects/acme/api-keys",
      "/projects/fresh/integrations",
      "/projects/nope/numbers",
      "/projects",
      "/signin",
    ]) {
      test(`${path} has no serious or critical axe violations`, async ({ page }) => {
        await openHydrated(page, path);
        await expectAccessible(page, path);
      });
    }

    test.describe("as a viewer (Read)", () => {
      test.use({ member: "viewer@example.com" });

      test("view-only pages have no serious or critical axe violations", async ({ page }) => {
        for (const path of ["/projects/acme/numbers", "/projects/acme/variants", "/projects/acme/integrations", "/projects/acme/api-keys"]) {
          await openHydrated(page, path);
          await expect(page.getByRole("note")).toContainText("View only");
          await expectAccessible(page, `${path} (Read)`);
        }
      });
    });

    test("the Integrations page's dialogs are accessible when open", async ({ page }) => {
      await openHydrated(page, "/projects/acme/integrations");
      const twilio = page.getByRole("region", { name: "Twilio" });
      await twilio.getByRole("button", { name: "Update credentials" }).click();
      const update = page.getByRole("dialog", { name: "Update Twilio credentials" });
      await update.getByRole("textbox", { name: "Account SID" }).fill("AC123");
      await update.getByRole("button", { name: "Save" }).click();
      await expect(update.getByRole("textbox", { name: "Account SID" })).toHaveAttribute("aria-invalid", "true");
      await expectAccessible(page, "Update Twilio credentials (with an error)", "dialog");
      await update.getByRole("button", { name: "Cancel" }).click();
      await twilio.getByRole("button", { name: "Disconnect Twilio account" }).click();
      await expect(page.getByRole("alertdialog", { name: "Disconnect Twilio account" })).toBeVisible();
      await expectAccessible(page, "Disconnect Twilio account", "dialog");
      await openHydrated(page, "/projects/fresh/integrations");
      await page.getByRole("button", { name: "Connect Twilio account" }).click();
      await expect(page.getByRole("dialog", { name: "Connect Twilio account" })).toBeVisible();
      await expectAccessible(page, "Connect Twilio account", "dialog");
    });

    test("each dialog of the Numbers page is accessible when open", async ({ page }) => {
      await openHydrated(page, "/projects/acme/numbers");
      const dialogs: [string, () => Promise<void>, string][] = [
        ["Add number", () => page.getByRole("button", { name: "Add number to Sandbox" }).click(), "dialog"],
        ["Reassign variant", () => menu(page, "Reassign variant"), "dialog"],
        ["Test routing", () => menu(page, "Test routing"), "dialog"],
        ["History of +442079460123", () => menu(page, "History"), "dialog"],
        ["Delete number", () => menu(page, "Delete number"), "alertdialog"],
      ];
      for (const [name, open, role] of dialogs) {
        await open();
        const dialog = page.getByRole(role as "dialog", { name });
        await expect(dialog).toBeVisible();
        await expect(dialog).not.toContainText("Loading");
        await expectAccessible(page, name);
        await page.keyboard.press("Escape");
        await expect(dialog).toBeHidden();
      }
    });

    test("the gallery is accessible, and is captured at 360 and 1440 px", async ({ page }, testInfo) => {
      test.slow(); // a whole-page axe run over every state, and four full-page screenshots
      await openHydrated(page, "/gallery");
      await expectAccessible(page, "gallery");
      for (const width of [360, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await capture(page, testInfo, `gallery-${colorScheme}-${width}.png`);
      }
      if (colorScheme === "light") {
        await page.setViewportSize({ width: 1440, height: 900 });
        await page.locator("#delete-dialog").screenshot({
          path: join(__dirname, "..", "screenshots", "gallery-delete-dialog.png"),
        });
      }
    });
  });
}

async function menu(page: Page, item: string) {
  await page.getByRole("button", { name: "Actions for +442079460123" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

async function capture(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("the gallery shows every component state from fixtures, without calling the server", async ({ page }) => {
  const calls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/")) calls.push(request.url());
  });
  await openHydrated(page, "/gallery");
  await expect(page.getByRole("heading", { level: 1, name: "Component gallery" })).toBeVisible();
  const components = page.getByRole("navigation", { name: "Components" }).getByRole("link");
  await expect(components).toHaveCount(22);
  for (const anchor of ["numbers-finder", "environment-section", "numbers-table", "row-actions", "callouts", "undo-bar", "toasts",
    "no-integration", "read-only", "add-number-dialog", "reassign-dialog", "delete-dialog", "routing-dialog", "history-dialog",
    "variant-confirmations", "provider-checks", "integration-list", "twilio-account-dialog", "disconnect-twilio-dialog",
    "live-notice", "api-keys", "import-dialog"]) {
    await expect(page.locator(`#${anchor} figure`).first()).toBeVisible();
  }
  await expect(page.locator("#environment-section tr[data-e164]")).toHaveCount(2 + 2 + 1 + 50); // expanded, collapsed (hidden), one, a page
  const pager = page.getByRole("figure", { name: "Page 2 of 10,000 numbers" }).getByRole("navigation", { name: "Sandbox pages" });
  await expect(pager).toContainText("51–100 of 10,000");
  await expect(pager.getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/projects/acme/numbers?sandbox_page=3");
  await expect(page.getByRole("figure", { name: "No numbers match the search" })).toContainText("No numbers match");
  await expect(page.locator("#numbers-finder").getByRole("searchbox", { name: "Search numbers" })).toHaveCount(3);
  await expect(page.locator("#numbers-finder").getByRole("button", { name: "Clear filters" })).toHaveCount(1);
  await expect(page.locator("#row-actions").getByRole("menuitem")).toHaveText(["Reassign variant", "Test routing", "History", "Delete number"]);
  await expect(page.locator("#add-number-dialog").getByRole("dialog", { name: "Add number" })).toHaveCount(12);
  await expect(page.locator("#import-dialog").getByRole("dialog", { name: "Import numbers" })).toHaveCount(6);
  await expect(page.locator("#import-dialog")).toContainText("1 of 4 numbers will be connected; 3 cannot be.");
  await expect(page.locator("#add-number-dialog")).toContainText("Bought through this project's Twilio account, and billed there.");
  await expect(page.locator("#disconnect-twilio-dialog")).toContainText("bought through this account: it stays in your Twilio account");
  await expect(page.locator("#add-number-dialog")).toContainText("212 is not a Canadian area code.");
  await expect(page.locator("#integration-list").getByRole("region", { name: "Twilio" })).toHaveCount(3);
  await expect(page.locator("#twilio-account-dialog").getByRole("dialog", { name: "Connect Twilio account" })).toHaveCount(4);
  await expect(page.locator("#twilio-account-dialog")).toContainText("Checking with Twilio…");
  await expect(page.locator("#twilio-account-dialog").getByRole("dialog", { name: "Update Twilio credentials" })).toHaveCount(1);
  await expect(page.locator("#twilio-account-dialog")).toContainText("Twilio refused this auth token");
  await expect(page.locator("#disconnect-twilio-dialog").getByRole("alertdialog", { name: "Disconnect Twilio account" })).toHaveCount(3);
  await expect(page.locator("#disconnect-twilio-dialog")).toContainText("Disconnecting…");
  await expect(page.locator("#delete-dialog").getByRole("alertdialog", { name: "Delete number" })).toHaveCount(4);
  await expect(page.locator("#delete-dialog")).toContainText("Changed meanwhile: editor@example.com deleted +44 20 7946 0123");
  await expect(page.locator("#live-notice").getByRole("status")).toHaveText("editor@example.com deleted +44 20 7946 0123");
  await expect(page.locator("#live-notice")).toContainText("Live updates paused: reconnecting…");
  await expect(page.locator("#api-keys").getByRole("alertdialog", { name: "Revoke API key" })).toHaveCount(1);
  await expect(page.locator("#api-keys").getByRole("textbox", { name: "New API key" })).toHaveCount(1);
  await expect(page.locator("#delete-dialog").getByRole("textbox", { name: "Last four digits" })).toHaveCount(1);
  await expect(page.locator("#variant-confirmations").getByRole("alertdialog", { name: "Delete variant" })).toHaveCount(2);
  await expect(page.locator("#variant-confirmations").getByRole("alertdialog", { name: "Promote to Live" })).toHaveCount(1);
  await expect(page.locator("#add-number-dialog")).toContainText("No numbers are available in area code 907");
  // Interactive even here: the collapsed section opens.
  const collapsed = page.getByRole("figure", { name: "Collapsed" }).getByRole("button", { name: "Sandbox", exact: true });
  await expect(collapsed).toHaveAttribute("aria-expanded", "false");
  await collapsed.click();
  await expect(collapsed).toHaveAttribute("aria-expanded", "true");
  expect(calls).toEqual([]);
});

test("keyboard only: add a number, reassign it, delete it", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  // Add: Tab to the Pre-release add button.
  const add = page.getByRole("button", { name: "Add number to Pre-release" });
  await tabTo(page, add);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Add number" });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Add" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  const pre = page.getByRole("region", { name: "Pre-release" });
  await expect(pre.locator("tr[data-e164]")).toHaveCount(2);
  const added = (await pre.locator("tr[data-e164]").nth(1).getAttribute("data-e164"))!;

  // Reassign it: open its menu with the keyboard.
  const actions = page.getByRole("button", { name: `Actions for ${added}` });
  await tabTo(page, actions);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Reassign variant" })).toBeFocused();
  await page.keyboard.press("Enter");
  const reassign = page.getByRole("dialog", { name: "Reassign variant" });
  await expect(reassign.getByRole("combobox", { name: "Variant" })).toBeFocused();
  await reassign.getByRole("combobox", { name: "Variant" }).selectOption({ label: "London" });
  await tabTo(page, reassign.getByRole("button", { name: "Assign" }));
  await page.keyboard.press("Enter");
  await expect(reassign).toBeHidden();
  await expect(pre.locator(`tr[data-e164="${added}"]`)).toContainText("London");
  await expect(actions).toBeFocused();

  // Delete it: once the menu is open (focus on its first item), End jumps to the last item.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Reassign variant" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Delete number" })).toBeFocused();
  await page.keyboard.press("Enter");
  const remove = page.getByRole("alertdialog", { name: "Delete number" });
  await expect(remove).toBeVisible();
  await tabTo(page, remove.getByRole("button", { name: "Delete number" }));
  await page.keyboard.press("Enter");
  await expect(remove).toBeHidden();
  await expect(pre.locator(`tr[data-e164="${added}"]`)).toHaveCount(0);
  const undo = page.getByRole("status").filter({ hasText: "was deleted" }).getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pre.locator(`tr[data-e164="${added}"]`)).toContainText("London");
});

test("a dialog keeps focus inside: Tab wraps from its last control to its first, Shift+Tab back", async ({ page }) => {
  await openHydrated(page, "/projects/acme/numbers");
  await page.getByRole("button", { name: "Add number to Sandbox" }).click();
  const dialog = page.getByRole("dialog", { name: "Add number" });
  await expect(dialog).toBeVisible();
  const focusInside = () => dialog.evaluate((d) => d.contains(document.activeElement));
  // Buy (checked), UK (checked), Variant, Cancel, Add: more presses than stops, both ways.
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(key);
      expect(await focusInside(), `${key} #${i + 1} left the dialog`).toBe(true);
    }
  }
  const first = dialog.getByRole("radio", { name: "Buy a new number" });
  const last = dialog.getByRole("button", { name: "Add", exact: true });
  await last.focus();
  await page.keyboard.press("Tab");
  await expect(first).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(last).toBeFocused();
  // Connect mode: its radio is the group's stop, and wrapping still lands on it.
  await dialog.getByRole("radio", { name: "Connect an existing Twilio number" }).check();
  await dialog.getByRole("button", { name: "Connect", exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("radio", { name: "Connect an existing Twilio number" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

/** Presses Tab until `target` has focus (at most 60 times). */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
