import { chromiumArgs } from "../playwright.config";
import { expect, test } from "./fixtures";
import { signInThrough } from "./helpers";

// numbers.test resolves to this machine; as an http:// origin it is not a secure context.
test.use({
  member: null,
  serverEnv: { NUMBERS_PUBLIC_URL: "http://numbers.test:{port}" },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...chromiumArgs, "--host-resolver-rules=MAP numbers.test 127.0.0.1"],
  },
});

test("the page works: sign in, buy a number, copy it", async ({ page, server }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const origin = `http://numbers.test:${new URL(server).port}`;
  await signInThrough(page, origin, "/projects/acme/numbers");
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  await page.getByRole("button", { name: "Add number to Live" }).click();
  const dialog = page.getByRole("dialog", { name: "Add number" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog).toBeHidden();
  const live = page.getByRole("region", { name: "Live" });
  await expect(live.locator("tr[data-e164]")).toHaveCount(2);
  const added = (await live.locator("tr[data-e164]").nth(1).getAttribute("data-e164"))!;
  await live.getByRole("button", { name: `Copy ${added}` }).click();
  await expect(live.locator(`tr[data-e164="${added}"]`)).toContainText(/Copied|Copy failed/);
  expect(errors).toEqual([]);
});
