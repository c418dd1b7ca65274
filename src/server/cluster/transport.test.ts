/** The GET-only client: every other verb and every odd path is refused before anything is sent. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeApiServer } from "../testing/fake-apiserver";
import { FAST_LIMITS, TEST_CERT, TEST_KEY, directTarget } from "../testing/cluster-fixtures";
import { ReadOnlyViolation, UpstreamError, GoneError, PROBLEM_MESSAGES } from "./errors";
import { createReadOnlyClient } from "./transport";

const VERBS = ["POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE", "get", "Get", "GET ", " GET", "", "WATCH", "LIST"];
const PATHS = ["/api/v1", "/apis", "/apis/gateway.networking.k8s.io/v1/httproutes", "/api/v1/namespaces/infra/secrets/tls-cert"];

let fake: FakeApiServer;
beforeAll(async () => {
  fake = new FakeApiServer();
  await fake.start();
});
afterAll(() => fake.stop());

describe("read-only transport", () => {
  it.each(VERBS.flatMap((v) => PATHS.map((p) => [v, p])))("refuses %j on %s without sending anything", async (verb, path) => {
    const before = fake.requests.length;
    const client = createReadOnlyClient(directTarget(fake.url), FAST_LIMITS);
    await expect(client.request(verb, { path, timeoutMs: 1000 })).rejects.toBeInstanceOf(ReadOnlyViolation);
    expect(fake.requests.length).toBe(before);
  });

  it.each(["/", "/healthz", "/api/../apis", "/api/v1/namespaces/a%2Fb/secrets", "/apis//x", "/apis/x/../../y", "api/v1", "/api/v1?watch=1", "/apis/g/v1/x#y", "http://evil/api"])("refuses the path %j", async (path) => {
    const client = createReadOnlyClient(directTarget(fake.url), FAST_LIMITS);
    const before = fake.requests.length;
    await expect(client.getJson(path)).rejects.toBeInstanceOf(ReadOnlyViolation);
    expect(fake.requests.length).toBe(before);
  });

  it("refuses query parameters it does not use", async () => {
    const client = createReadOnlyClient(directTarget(fake.url), FAST_LIMITS);
    await expect(client.getJson("/api/v1", { query: { dryRun: "All" } })).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(client.getJson("/api/v1", { query: { fieldManager: "x" } })).rejects.toBeInstanceOf(ReadOnlyViolation);
  });

  it("sends GET with the Accept header asked for", async () => {
    const client = createReadOnlyClient(directTarget(fake.url), FAST_LIMITS);
    const doc = (await client.getJson("/api/v1")) as { kind: string };
    expect(doc.kind).toBe("APIResourceList");
    const last = fake.requests[fake.requests.length - 1];
    expect([last.method, last.path, last.headers.accept]).toEqual(["GET", "/api/v1", "application/json"]);
  });

  it("keeps a server URL's path prefix", async () => {
    const client = createReadOnlyClient(directTarget(fake.url + "/prefix/"), FAST_LIMITS);
    await expect(client.getJson("/api/v1")).rejects.toMatchObject({ problem: "not-found" });
    expect(fake.requests[fake.requests.length - 1].path).toBe("/prefix/api/v1");
  });

  it("maps failures to generic problems: 404, 410, 403, 500, too large, unreachable", async () => {
    const client = createReadOnlyClient(directTarget(fake.url), FAST_LIMITS);
    await expect(client.getJson("/apis/nope.example.com/v1")).rejects.toMatchObject({ problem: "not-found", status: 404 });
    fake.failNext(/^\/api\/v1$/, 410);
    await expect(client.getJson("/api/v1")).rejects.toBeInstanceOf(GoneError);
    fake.failNext(/^\/api\/v1$/, 403);
    await expect(client.getJson("/api/v1")).rejects.toMatchObject({ problem: "forbidden", message: PROBLEM_MESSAGES.forbidden });
    fake.failNext(/^\/api\/v1$/, 500);
    await expect(client.getJson("/api/v1")).rejects.toMatchObject({ problem: "bad-response" });
    const small = createReadOnlyClient(directTarget(fake.url), { ...FAST_LIMITS, maxResponseBytes: 100 });
    await expect(small.getJson("/api/v1")).rejects.toMatchObject({ problem: "too-large" });
    const closed = new FakeApiServer();
    await closed.start();
    const url = closed.url;
    await closed.stop();
    await expect(createReadOnlyClient(directTarget(url), FAST_LIMITS).getJson("/api/v1")).rejects.toMatchObject({ problem: "unreachable" });
  });

  it("reports credentials that cannot be obtained as a credentials problem, and asks again next time", async () => {
    let calls = 0;
    const target = {
      ...directTarget(fake.url),
      applyAuth: async () => {
        if (calls++ === 0) throw new Error("exec plugin failed: token=abc");
      },
    };
    const client = createReadOnlyClient(target, FAST_LIMITS);
    const err = await client.getJson("/api/v1").catch((e: UpstreamError) => e);
    expect(err).toMatchObject({ problem: "credentials", message: PROBLEM_MESSAGES.credentials });
    expect((err as Error).message).not.toContain("abc");
    await expect(client.getJson("/api/v1")).resolves.toBeTruthy();
    expect(calls).toBe(2);
  });
});

describe("HTTPS with a bearer token", () => {
  let tls: FakeApiServer;
  beforeAll(async () => {
    tls = new FakeApiServer({ tls: { key: TEST_KEY, cert: TEST_CERT }, token: "s3cret-token" });
    await tls.start();
  });
  afterAll(() => tls.stop());

  it("reads with the right token and CA", async () => {
    const client = createReadOnlyClient(directTarget(tls.url, { token: "s3cret-token", ca: TEST_CERT }), FAST_LIMITS);
    expect(await client.getJson("/apis")).toMatchObject({ kind: "APIGroupList" });
    expect(tls.requests[tls.requests.length - 1].headers.authorization).toBe("Bearer s3cret-token");
  });

  it("a wrong token is 401 → unauthorized, and the error does not quote the token", async () => {
    const client = createReadOnlyClient(directTarget(tls.url, { token: "wrong-token", ca: TEST_CERT }), FAST_LIMITS);
    const err = (await client.getJson("/apis").catch((e) => e)) as UpstreamError;
    expect(err).toMatchObject({ problem: "unauthorized", status: 401 });
    expect(err.message).not.toContain("wrong-token");
  });

  it("an untrusted certificate is a tls problem", async () => {
    const client = createReadOnlyClient(directTarget(tls.url, { token: "s3cret-token" }), FAST_LIMITS);
    await expect(client.getJson("/apis")).rejects.toMatchObject({ problem: "tls" });
  });
});
