// `make bench`: what the Numbers page of acme loads before it is interactive, and how long that
// takes. Starts the built server (argument 1, default ../target/release/server) on a fresh SQLite
// file with the demo data, signs in, then loads the page 10 times in headless Chromium, each in a
// fresh browser context (nothing cached), and prints:
// - every file fetched from /pkg/ before `body[data-hydrated]` (raw, gzip -9, Brotli q11 bytes,
//   and the Content-Encoding the server used), with their total: the first-load figure;
// - every other wasm chunk of the split build (fetched when a route or dialog first needs it);
// - the median time from navigation to first paint and to hydrated;
// - the files fetched after hydration (the dialogs' chunks, prefetched in the background);
// - the median time from the click on "Add number" of a hydrated page to its dialog open
//   (timed in the page: the click event to `dialog[open]`), the first time and a second time.
// It measures and asserts nothing. Traffic goes to 127.0.0.1 only.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const LOADS = 10;
const TARGET_GZIP = 250_000;
const binary = resolve(process.argv[2] ?? "../target/release/server");
const siteRoot = resolve("../target/site");
const pkg = join(siteRoot, "pkg");

/** A loopback port nobody listens on. */
const freePort = () =>
  new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

/** Bytes of a file as stored, gzip -9 and Brotli quality 11. */
function sizes(file) {
  const raw = readFileSync(file);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const row = (name, s, extra = "") =>
  console.log(`  ${name.padEnd(58)} ${String(s.raw).padStart(10)} ${String(s.gzip).padStart(9)} ${String(s.brotli).padStart(9)}  ${extra}`);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const scratch = mkdtempSync(join(tmpdir(), "numbers-first-load-"));
const server = spawn(binary, [], {
  env: {
    ...process.env,
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    LEPTOS_SITE_ROOT: siteRoot,
    DATABASE_URL: `sqlite://${join(scratch, "bench.sqlite")}?mode=rwc`,
    // The key sealing Twilio secrets is created beside the database.
    NUMBERS_DATA_DIR: scratch,
    NUMBERS_DEMO: "1",
    TWILIO_BASE_URL: "http://127.0.0.1:9",
    RUST_LOG: "warn",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
server.on("error", (error) => console.error(`cannot start ${binary}: ${error.message}`));
let browser;
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (tries > 600 || server.exitCode !== null) throw new Error("the server did not become ready");
    await new Promise((r) => setTimeout(r, 100));
  }
  const signIn = await browser.newContext();
  const page = await signIn.newPage();
  await page.goto(`${base}/signin`);
  await page.getByRole("textbox", { name: "Email" }).fill("admin@example.com");
  await page.getByLabel("Password").fill("numbers-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/projects\//);
  const storageState = await signIn.storageState();
  await signIn.close();

  const fetched = new Map();
  const paints = [];
  const hydrations = [];
  const prefetched = new Set();
  const firstOpens = [];
  const secondOpens = [];
  let html = 0;
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ storageState });
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body?.hasAttribute("data-hydrated")) {
          window.__hydratedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
    });
    const tab = await context.newPage();
    const encodings = new Map();
    tab.on("response", (response) => {
      encodings.set(new URL(response.url()).pathname, response.headers()["content-encoding"] ?? "none");
    });
    const document = await tab.goto(`${base}/projects/acme/numbers`);
    html = (await document.body()).length;
    await tab.waitForSelector("body[data-hydrated]");
    const timing = await tab.evaluate(() => ({
      paint: performance.getEntriesByName("first-paint")[0]?.startTime ?? NaN,
      hydrated: window.__hydratedAt,
      // What finished arriving before the page hydrated.
      before: performance
        .getEntriesByType("resource")
        .filter((r) => r.responseEnd <= window.__hydratedAt)
        .map((r) => new URL(r.name).pathname),
    }));
    for (const path of timing.before.filter((p) => p.startsWith("/pkg/"))) {
      fetched.set(path.slice("/pkg/".length), encodings.get(path) ?? "none");
    }
    const afterwards = () =>
      tab.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((r) => r.responseEnd > window.__hydratedAt)
          .map((r) => new URL(r.name).pathname)
          .filter((p) => p.startsWith("/pkg/")),
      );
    paints.push(timing.paint);
    hydrations.push(timing.hydrated);
    // Opening the Add number dialog: the first time fetches its chunk, the second does not.
    for (const opens of [firstOpens, secondOpens]) {
      await tab.evaluate(() => {
        window.__clickAt = window.__openAt = undefined;
        document.addEventListener("click", (e) => (window.__clickAt = e.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (document.querySelector("dialog[open]")) {
            window.__openAt = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { attributes: true, childList: true, subtree: true });
      });
      await tab.getByRole("button", { name: "Add number to Sandbox" }).click();
      await tab.getByRole("dialog", { name: "Add number" }).waitFor();
      opens.push(await tab.evaluate(() => window.__openAt - window.__clickAt));
      await tab.keyboard.press("Escape");
      await tab.getByRole("dialog", { name: "Add number" }).waitFor({ state: "detached" });
    }
    for (const path of await afterwards()) prefetched.add(path.slice("/pkg/".length));
    await context.close();
  }

  console.log(`\nNumbers page of acme: what loads before it is interactive (${LOADS} cold loads)`);
  console.log(`  ${"file".padEnd(58)} ${"raw".padStart(10)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}  served as`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const [file, encoding] of [...fetched].sort()) {
    const s = sizes(join(pkg, file));
    row(file, s, encoding);
    for (const k of Object.keys(total)) total[k] += s[k];
  }
  row("first load (wasm + JS + CSS)", total);
  console.log(`  target: at most ${TARGET_GZIP} B gzip; reached ${total.gzip} B (${(total.gzip / TARGET_GZIP).toFixed(2)} of it)`);
  console.log(`  the page's HTML: ${html} B`);

  const after = { raw: 0, gzip: 0, brotli: 0 };
  console.log("\nFetched after hydration (the dialogs' chunks, prefetched in the background)");
  for (const file of [...prefetched].filter((f) => !fetched.has(f)).sort()) {
    const s = sizes(join(pkg, file));
    row(file, s);
    for (const k of Object.keys(after)) after[k] += s[k];
  }
  row("after hydration", after);
  console.log("\nOther lazy chunks (fetched when a route first needs them)");
  for (const file of readdirSync(pkg).filter((f) => f.endsWith(".wasm") && !fetched.has(f) && !prefetched.has(f)).sort()) {
    row(file, sizes(join(pkg, file)));
  }
  console.log(`\nTime from navigation, median of ${LOADS}: first paint ${median(paints).toFixed(0)} ms, hydrated ${median(hydrations).toFixed(0)} ms`);
  console.log(`Add number dialog, click to open, median of ${LOADS}: first open ${median(firstOpens).toFixed(1)} ms, second ${median(secondOpens).toFixed(1)} ms`);
} finally {
  await browser?.close();
  server.kill();
  rmSync(scratch, { recursive: true, force: true });
}
