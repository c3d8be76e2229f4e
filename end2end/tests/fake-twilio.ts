import { createServer, type IncomingMessage, type Server } from "node:http";

/** A number owned by the fake Twilio account. */
export interface FakeNumber {
  sid: string;
  phone_number: string;
  voice_url: string | null;
}

export const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
/** An API key of the account (Twilio Console: API keys & tokens). */
export const API_KEY_SID = "SK0123456789abcdef0123456789abcdef";
export const API_KEY_SECRET = "fake-api-key-secret";

const basic = (user: string, password: string) => "Basic " + Buffer.from(`${user}:${password}`).toString("base64");

/** A stateful fake of the parts of Twilio's REST API we use, for one account. */
export class FakeTwilio {
  readonly numbers = new Map<string, FakeNumber>();
  readonly requests: string[] = [];
  /** How late number updates are answered, in ms: the update takes effect at once. */
  updateAnswerDelayMs = 0;
  /** The account's auth token (a test rotates it as the Twilio Console would). */
  authToken = "demo-token";
  private server?: Server;
  url = "";

  constructor() {
    // The demo's connected number, and one the customer owns but has not connected.
    this.own("+12125550142", "https://numbers.invalid/telephony/twilio/voice");
    this.own("+14155550123", "https://customer.example/original-voice");
  }

  own(phone: string, voiceUrl: string | null): FakeNumber {
    const number = { sid: `PN${String(this.numbers.size + 1).padStart(32, "0")}`, phone_number: phone, voice_url: voiceUrl };
    this.numbers.set(phone, number);
    return number;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(([status, body]) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(body === undefined ? "" : JSON.stringify(body));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, "127.0.0.1", ok));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    await new Promise((ok) => this.server?.close(ok));
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    const url = new URL(req.url ?? "/", "http://fake");
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const allowed = [basic(ACCOUNT_SID, this.authToken), basic(API_KEY_SID, API_KEY_SECRET)];
    if (!allowed.includes(req.headers.authorization ?? "")) {
      return [401, { code: 20003, message: "Authenticate", status: 401 }];
    }
    if (req.method === "GET" && url.pathname === `/2010-04-01/Accounts/${ACCOUNT_SID}.json`) {
      return [200, { sid: ACCOUNT_SID, friendly_name: "Demo Twilio account", status: "active", type: "Full" }];
    }
    const base = `/2010-04-01/Accounts/${ACCOUNT_SID}/IncomingPhoneNumbers`;
    if (req.method === "GET" && url.pathname === `${base}.json`) {
      const phone = url.searchParams.get("PhoneNumber");
      const found = [...this.numbers.values()].filter((n) => !phone || n.phone_number === phone);
      return [200, { incoming_phone_numbers: found, next_page_uri: null }];
    }
    const match = url.pathname.match(new RegExp(`^${base}/(PN[0-9a-f]{32})\\.json$`));
    const number = match && [...this.numbers.values()].find((n) => n.sid === match[1]);
    if (!number) return [404, { code: 20404, message: "Not found", status: 404 }];
    if (req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      if (form.has("VoiceUrl")) number.voice_url = form.get("VoiceUrl");
      if (this.updateAnswerDelayMs > 0) await new Promise((r) => setTimeout(r, this.updateAnswerDelayMs));
      return [200, number];
    }
    if (req.method === "DELETE") {
      this.numbers.delete(number.phone_number);
      return [204, undefined];
    }
    return [405, { code: 20004, message: "Method not allowed", status: 405 }];
  }
}
