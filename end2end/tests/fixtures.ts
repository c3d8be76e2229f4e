import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FakeTwilio } from "./fake-twilio";

const root = resolve(__dirname, "..", "..");

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

/**
 * Polls `base`/readyz until it answers 200 or the server exits. Only once `child` has said it
 * listens at `base` (it prints the address after binding): a port `freePort` handed out to two
 * servers at once (parallel workers, two suites on one machine) must not pass for ours.
 */
async function waitReady(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      if (log().includes(`${base}/`) && (await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready at ${base}:\n${log()}`);
}

/** The demo password of every demo member. */
export const DEMO_PASSWORD = "numbers-demo";

/**
 * Signs `email` in through the sign-in page's own form endpoint (its action, read from the
 * page), so the request context (and the browser context it belongs to) holds the session.
 */
export async function signIn(request: APIRequestContext, server: string, email: string): Promise<void> {
  const html = await (await request.get(`${server}/signin`)).text();
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  if (!action) throw new Error("the sign-in page has no form action");
  const response = await request.post(`${server}${action}`, {
    form: { email, password: DEMO_PASSWORD, next: "/" },
    headers: { Origin: server },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A server this suite started: its base URL, and how to stop it (SIGTERM). */
export interface StartedServer {
  url: string;
  stop: () => void;
}

/**
 * Starts the server binary with the demo data on a free loopback port and waits until it is
 * ready; `env` adds to or overrides the defaults (`{port}` in a value stands for its port),
 * and everything it prints is appended to `output.text`.
 */
export async function startServer(env: Record<string, string>, output: { text: string }): Promise<StartedServer> {
  const port = await freePort();
  let printed = "";
  // NUMBERS_E2E_SERVER runs the suite on another build, e.g. target/release/server after
  // `cargo leptos build --release --split` (the site root must hold that build's bundle).
  const child = spawn(resolve(root, process.env.NUMBERS_E2E_SERVER || "target/debug/server"), [], {
    cwd: root,
    env: {
      ...process.env,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: join(root, "target/site"),
      NUMBERS_DEMO: "1",
      NUMBERS_PUBLIC_URL: "https://numbers.invalid",
      RUST_LOG: "warn",
      ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replaceAll("{port}", String(port))])),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const append = (d: Buffer) => {
    printed += d;
    output.text += d;
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child, () => printed);
  } catch (err) {
    child.kill("SIGTERM");
    throw err;
  }
  return { url, stop: () => child.kill("SIGTERM") };
}

/**
 * Every test gets its own server on a fresh SQLite file seeded with the demo data, talking
 * to its own stateful fake Twilio.
 */
export const test = base.extend<{
  server: string;
  /** Everything the server printed so far (its log lines). */
  serverOutput: { text: string };
  twilio: FakeTwilio;
  serverEnv: Record<string, string>;
  member: string | null;
}>({
  /**
   * Extra environment for the server, e.g. a short undo window (`test.use({ serverEnv })`);
   * `{port}` in a value stands for the port the server listens on.
   */
  serverEnv: [{}, { option: true }],
  /** Who the browser is signed in as (`null`: signed out); admin has Edit on every demo project. */
  member: ["admin@example.com", { option: true }],
  serverOutput: async ({}, use) => use({ text: "" }),
  twilio: async ({}, use) => {
    const twilio = new FakeTwilio();
    await twilio.start();
    await use(twilio);
    await twilio.stop();
  },
  server: async ({ twilio, serverEnv, serverOutput }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), "numbers-e2e-"));
    const server = await startServer(
      {
        DATABASE_URL: `sqlite://${join(dataDir, "e2e.sqlite")}?mode=rwc`,
        // The key sealing Twilio secrets is created beside the database on first start.
        NUMBERS_DATA_DIR: dataDir,
        TWILIO_BASE_URL: twilio.url,
        ...serverEnv,
      },
      serverOutput,
    );
    try {
      await use(server.url);
    } finally {
      server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ server }, use) => use(server),
  context: async ({ context, server, member }, use) => {
    if (member) await signIn(context.request, server, member);
    await use(context);
  },
});

export { expect };
