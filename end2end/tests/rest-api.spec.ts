import { expect, test } from "./fixtures";
import { openHydrated } from "./helpers";

// The REST API as a script uses it (UI-CONTRACT "API keys page and the REST API"): a key made
// on the API keys page, then plain HTTP with `Authorization: Bearer <key>`, no cookies.

/** Calls the API at `server` with `key`; returns the status and the JSON body (if any). */
async function api(
  server: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; type: string | null }> {
  const response = await fetch(`${server}/api/v1/projects/acme${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, type: response.headers.get("content-type") };
}

test("a key made in the browser lists, buys, connects, reassigns and deletes; revoked, it stops", async ({
  page,
  server,
}) => {
  await openHydrated(page, "/projects/acme/api-keys");
  await page.getByRole("textbox", { name: "Key name" }).fill("Deploy script");
  await page.getByRole("radiogroup", { name: "Access" }).getByRole("radio", { name: "Read and write" }).check();
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = await page.getByRole("textbox", { name: "New API key" }).inputValue();
  expect(key).toMatch(/^nmbr_/);

  const listed = await api(server, key, "GET", "/phone-numbers?env=sandbox");
  expect(listed.status).toBe(200);
  expect(listed.json.phone_numbers.map((n: any) => n.phone_number)).toEqual(["+12125550142", "+442079460123"]);

  const buy = { environment: "sandbox", country: "GB", variant: "Leeds" };
  const idempotency = { "idempotency-key": "deploy-script-0001" };
  const bought = await api(server, key, "POST", "/phone-numbers", buy, idempotency);
  expect(bought.status).toBe(201);
  const number: string = bought.json.phone_number;
  expect(bought.json.variant.name).toBe("Leeds");
  const retried = await api(server, key, "POST", "/phone-numbers", buy, idempotency);
  expect(retried.json.phone_number).toBe(number);

  const connected = await api(server, key, "POST", "/phone-numbers", {
    environment: "pre-release",
    phone_number: "+1 415 555 0123",
  });
  expect(connected.status).toBe(201);
  expect(connected.json.ownership).toBe("connected");

  const moved = await api(server, key, "PATCH", `/phone-numbers/${encodeURIComponent(number)}`, { variant: "London" });
  expect(moved.json.variant.name).toBe("London");

  // The Numbers page shows what the script did.
  await openHydrated(page, "/projects/acme/numbers");
  const row = page.getByTestId("env-sandbox").locator(`tr[data-e164="${number}"]`);
  await expect(row).toContainText("London");
  await expect(page.getByTestId("env-pre-release").locator('tr[data-e164="+14155550123"]')).toBeVisible();

  const live = await api(server, key, "DELETE", "/phone-numbers/%2B447700900321");
  expect(live.status).toBe(422);
  expect(live.type).toBe("application/problem+json");
  expect(live.json.field).toBe("confirm");
  const deleted = await api(server, key, "DELETE", `/phone-numbers/${encodeURIComponent(number)}`);
  expect(deleted.json.result).toBe("release-pending");
  await expect(row).toHaveCount(0);
  const undone = await api(server, key, "POST", `/phone-numbers/${encodeURIComponent(number)}/undo`);
  expect(undone.json.state).toBe("active");
  await expect(row).toContainText("London");

  await openHydrated(page, "/projects/acme/history");
  await expect(page.getByRole("table").first()).toContainText('API key "Deploy script"');

  await openHydrated(page, "/projects/acme/api-keys");
  await page.getByRole("button", { name: "Revoke Deploy script" }).click();
  await page.getByRole("alertdialog", { name: "Revoke API key" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("No API keys yet.")).toBeVisible();
  const refused = await api(server, key, "GET", "/phone-numbers");
  expect(refused.status).toBe(401);
  expect(refused.json.type).toBe("/api/v1/problems/api-key-required");
});

test("the API reference is linked from the API keys page and served here", async ({ page }) => {
  await openHydrated(page, "/projects/acme/api-keys");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api\/v1\/docs\/$/);
  await expect(page.getByText("Numbers REST API").first()).toBeVisible();
  await expect(page.getByText("/api/v1/projects/{project}/phone-numbers").first()).toBeVisible();
});
