// One simulated browser for `npm run bench:load`: a cookie jar over a shared keep-alive agent,
// real sign-in through next-auth's credentials route (CSRF token first, as the sign-in form's
// signIn() does), and timed GETs that count anything but a 2xx with the expected content as an
// error.
import http from "node:http";

export type Sample = { kind: string; ms: number; ok: boolean; why?: string };

export type Result = { status: number; body: Buffer; headers: http.IncomingHttpHeaders };

export class Browser {
  private jar = new Map<string, string>();

  constructor(
    private base: URL,
    private agent: http.Agent,
  ) {}

  request(method: string, path: string, body?: string, retried = false): Promise<Result> {
    const headers: Record<string, string> = { accept: "text/html,application/json,*/*" };
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers,
          agent: this.agent,
        },
        (res) => {
          for (const c of res.headers["set-cookie"] ?? []) {
            const [pair] = c.split(";");
            const eq = pair.indexOf("=");
            this.jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
          const chunks: Buffer[] = [];
          res.on("data", (d: Buffer) => chunks.push(d));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks),
              headers: res.headers,
            }),
          );
          res.on("error", reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error("timeout after 30 s")));
      req.on("error", (err: NodeJS.ErrnoException) => {
        // The server may close an idle keep-alive connection just as we reuse it (the think time
        // straddles its keep-alive timeout). Browsers retry a GET once on such a connection; so
        // do we (Node's documented pattern: request.reusedSocket).
        if (req.reusedSocket && err.code === "ECONNRESET" && method === "GET" && !retried)
          resolve(this.request(method, path, body, true));
        else reject(err);
      });
      req.end(body);
    });
  }

  /** Signs in the way the form does; throws unless a session cookie comes back. */
  async signIn(email: string, password: string, callbackUrl: string) {
    await this.request("GET", `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
    const res = await this.request(
      "POST",
      "/api/auth/callback/credentials",
      new URLSearchParams({ email, password, csrfToken, callbackUrl, json: "true" }).toString(),
    );
    const session = [...this.jar.keys()].some((k) => k.endsWith("next-auth.session-token"));
    if (!session) throw new Error(`sign-in failed for ${email}: HTTP ${res.status} ${res.body}`);
  }

  /** A timed GET; `expect` must match the body (a page we meant, not a sign-in or error page). */
  async timed(
    kind: string,
    path: string,
    expect: (r: Result) => boolean,
  ): Promise<Sample & { res?: Result }> {
    const t = performance.now();
    try {
      const res = await this.request("GET", path);
      const ms = performance.now() - t;
      if (res.status < 200 || res.status > 299)
        return { kind, ms, ok: false, why: `${path}: HTTP ${res.status}` };
      if (!expect(res)) return { kind, ms, ok: false, why: `${path}: unexpected content` };
      return { kind, ms, ok: true, res };
    } catch (e) {
      const why = `${path}: ${e instanceof Error ? e.message : String(e)}`;
      return { kind, ms: performance.now() - t, ok: false, why };
    }
  }
}
