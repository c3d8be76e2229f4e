import { createHmac } from "node:crypto";
import { expect, test } from "./fixtures";
import { ACCOUNT_SID } from "./fake-twilio";
import { openHydrated } from "./helpers";

test("each section header shows its SIP addresses with copy buttons", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openHydrated(page, "/projects/acme/numbers");
  const pre = page.getByRole("region", { name: "Pre-release" });
  await expect(pre).toContainText("sip:acme-pre-release@sip.numbers.test");
  await expect(pre).toContainText("sip:acme-pre-release-fallback@sip.numbers.test");
  await expect(pre).toContainText("managed by the platform team");
  await pre.getByRole("button", { name: "Copy Fallback SIP address" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("sip:acme-pre-release-fallback@sip.numbers.test");
  await expect(page.getByRole("region", { name: "Live" }).getByRole("button", { name: "Copy Main SIP address" })).toBeVisible();
});

test("Test routing shows where a call goes, and calls appear after a signed webhook", async ({ page, server }) => {
  await openHydrated(page, "/projects/acme/numbers");
  await page.getByRole("button", { name: "Actions for +442079460123" }).click();
  await page.getByRole("menuitem", { name: "Test routing" }).click();
  const dialog = page.getByRole("dialog", { name: "Test routing" });
  await expect(dialog).toContainText("Sandbox");
  await expect(dialog).toContainText("London");
  await expect(dialog).toContainText("sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=London");
  await expect(dialog).toContainText("sip:acme-sandbox-fallback@sip.numbers.test?X-PolyAI-Variant=London");
  await expect(dialog).toContainText("No calls received yet.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("button", { name: "Actions for +442079460123" })).toBeFocused();

  // Twilio calls the webhook, signed for the public URL the server was given.
  const fields: [string, string][] = [
    ["AccountSid", ACCOUNT_SID],
    ["CallSid", "CA42"],
    ["From", "+447700900777"],
    ["To", "+442079460123"],
  ];
  const signed = "https://numbers.invalid/telephony/twilio/voice" + [...fields].sort().map(([k, v]) => k + v).join("");
  const signature = createHmac("sha1", "demo-token").update(signed).digest("base64");
  const answer = await fetch(`${server}/telephony/twilio/voice`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    body: new URLSearchParams(fields).toString(),
  });
  expect(answer.status).toBe(200);
  expect(await answer.text()).toContain("<Sip>sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=London</Sip>");
  const unsigned = await fetch(`${server}/telephony/twilio/voice`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  expect(unsigned.status).toBe(403);

  await page.getByRole("button", { name: "Actions for +442079460123" }).click();
  await page.getByRole("menuitem", { name: "Test routing" }).click();
  await expect(dialog.getByRole("row").filter({ hasText: "+447700900777" })).toContainText("routed");
});
