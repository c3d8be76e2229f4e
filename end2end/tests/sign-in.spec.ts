import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

test.use({ member: null });

test("sign in as a demo member, return to the page asked for, changes carry your name, sign out", async ({ page }) => {
  await openHydrated(page, "/signin?next=/projects/acme/numbers");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByRole("textbox", { name: "Email" }).fill("editor@example.com");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");

  await page.getByLabel("Password").fill("numbers-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects\/acme\/numbers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Numbers" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("editor@example.com");
  const projects = page.getByRole("navigation", { name: "Projects" }).getByRole("link");
  await expect(projects).toHaveText(["Acme Support"]);
  await expect(projects.first()).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Actions for +441134960456" }).click();
  await page.getByRole("menuitem", { name: "History" }).click();
  await page.getByRole("dialog", { name: "History of +441134960456" }).getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "Actions for +441134960456" }).click();
  await page.getByRole("menuitem", { name: "Reassign variant" }).click();
  const reassign = page.getByRole("dialog", { name: "Reassign variant" });
  await reassign.getByRole("combobox", { name: "Variant" }).selectOption({ label: "Default" });
  await reassign.getByRole("button", { name: "Assign" }).click();
  await expect(reassign).toBeHidden();
  await page.getByRole("button", { name: "Actions for +441134960456" }).click();
  await page.getByRole("menuitem", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: "History of +441134960456" });
  await expect(history.getByRole("row").nth(1)).toContainText("editor@example.com");
  await history.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => c.name === "numbers_session" && c.value !== "")).toEqual([]);
});

test("the sign-in page works without JavaScript", async ({ browser, server }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: server });
  const page = await context.newPage();
  await page.goto("/signin?next=/projects/solo/numbers");
  await page.getByRole("textbox", { name: "Email" }).fill("admin@example.com");
  await page.getByLabel("Password").fill("numbers-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects\/solo\/numbers$/);
  await expect(page.getByRole("banner")).toContainText("admin@example.com");
  const session = (await context.cookies()).find((c) => c.name === "numbers_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  await context.close();
});
