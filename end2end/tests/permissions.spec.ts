import { type Request } from "@playwright/test";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";
import { openHydrated } from "./helpers";

const acme = "/projects/acme/numbers";

test.describe("viewer (Read on acme)", () => {
  test.use({ member: "viewer@example.com" });

  test("sees the numbers with no add or change controls, and is told why", async ({ page }) => {
    await openHydrated(page, acme);
    await expect(page.getByRole("note")).toContainText("View only");
    await expect(page.getByRole("note")).toContainText("needs Edit access");
    await expect(page.locator("tr[data-e164]")).toHaveCount(4);
    await expect(page.getByRole("button", { name: /^Add number to/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Assign variant" })).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "New variant added" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
    // Looking stays possible: Test routing and History.
    await page.getByRole("button", { name: "Actions for +442079460123" }).click();
    await expect(page.getByRole("menuitem")).toHaveText(["Test routing", "History"]);
    await page.getByRole("menuitem", { name: "History" }).click();
    await expect(page.getByRole("dialog", { name: "History of +442079460123" })).toBeVisible();

    await openHydrated(page, "/projects/acme/variants");
    await expect(page.getByRole("note")).toContainText("View only");
    await expect(page.getByRole("textbox", { name: "Variant name" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Rename|Delete|Promote to|Publish)/ })).toHaveCount(0);
  });

  test("a change sent by hand, as an editor's page sends it, is refused", async ({ page, browser, server }) => {
    // Capture the exact request an editor's Delete number sends, without letting it through.
    const editor = await browser.newContext({ baseURL: server });
    await signIn(editor.request, server, "editor@example.com");
    const editorPage = await editor.newPage();
    await openHydrated(editorPage, acme);
    let captured: Request | undefined;
    await editorPage.route("**/api/**", async (route) => {
      if (route.request().method() === "POST" && (route.request().postData() ?? "").includes("confirm_digits")) {
        captured = route.request();
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await editorPage.getByRole("button", { name: "Actions for +442079460123" }).click();
    await editorPage.getByRole("menuitem", { name: "Delete number" }).click();
    await editorPage.getByRole("alertdialog", { name: "Delete number" }).getByRole("button", { name: "Delete number" }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    await editor.close();

    // The viewer replays it with their own session: refused, and nothing changed.
    const response = await page.request.post(captured!.url(), {
      data: captured!.postData() ?? "",
      headers: {
        "Content-Type": captured!.headers()["content-type"] ?? "application/x-www-form-urlencoded",
        Origin: server,
      },
    });
    // AppError::ReadOnly in Postcard, as the page reads it (its bytes are pinned in app/src/api/wire.rs).
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toBe("application/x-postcard");
    expect([...(await response.body())]).toEqual([1]);
    await openHydrated(page, acme);
    await expect(page.locator('tr[data-e164="+442079460123"]')).toBeVisible();
  });
});

test.describe("editor (Edit on acme)", () => {
  test.use({ member: "editor@example.com" });

  test("can add a number and sees only acme in the switcher", async ({ page }) => {
    await openHydrated(page, acme);
    await expect(page.getByRole("note")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Projects" }).getByRole("link")).toHaveText(["Acme Support"]);
    await page.getByRole("button", { name: "Add number to Sandbox" }).click();
    const dialog = page.getByRole("dialog", { name: "Add number" });
    await dialog.getByRole("button", { name: "Add" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("region", { name: "Sandbox" }).locator("tr[data-e164]")).toHaveCount(3);
  });

  test("gets 404 for a project it is not a member of", async ({ page }) => {
    const response = await page.goto("/projects/solo/numbers");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Solo Clinic")).toHaveCount(0);
  });
});

test.describe("outsider (no projects)", () => {
  test.use({ member: "outsider@example.com" });

  test("sees no projects and gets 404 for acme", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expect(page.getByText("You are not a member of any project yet.")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Projects" }).getByRole("link")).toHaveCount(0);

    const response = await page.goto(acme);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.locator("tr[data-e164]")).toHaveCount(0);
    await expect(page.getByText("Acme Support")).toHaveCount(0);
  });
});

test.describe("signed out", () => {
  test.use({ member: null });

  test("is sent to sign in and back to the page asked for", async ({ page }) => {
    await page.goto("/projects/acme/history?page=1");
    await expect(page).toHaveURL(/\/signin\?next=%2Fprojects%2Facme%2Fhistory%3Fpage%3D1$/);
    await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
    await page.getByRole("textbox", { name: "Email" }).fill("viewer@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/projects\/acme\/history\?page=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("History");
  });
});

test("a session that ends while a page is open leads back to sign in, then to the page", async ({ page, server }) => {
  // Live updates reload the page once their stream opens: that reload answers first, or it
  // could already show the signed-out state this test reaches by navigating.
  const streamReload = page.waitForResponse((r) => r.url().includes("load_numbers_page"));
  await openHydrated(page, acme);
  await expect(page.locator('[data-live="on"]')).toBeAttached();
  await streamReload;
  // End the session on the server, as Sign out in another tab would.
  const signOut = await page.locator("form", { has: page.getByRole("button", { name: "Sign out" }) }).getAttribute("action");
  const response = await page.request.post(`${server}${signOut}`, { headers: { Origin: server }, maxRedirects: 0 });
  expect(response.status()).toBe(200);

  await page.getByRole("link", { name: "Manage variants" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "You are signed out" });
  await expect(alert).toBeVisible();
  await alert.getByRole("link", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(/\/signin\?next=%2Fprojects%2Facme%2Fvariants$/);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("textbox", { name: "Email" }).fill("admin@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects\/acme\/variants$/);
  await expect(page.getByRole("heading", { level: 1, name: "Variants" })).toBeVisible();
});
