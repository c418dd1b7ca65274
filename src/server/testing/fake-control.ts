/**
 * A fake cluster for end-to-end tests: the fake API server, a kubeconfig pointing to it, and a local
 * control endpoint (plain HTTP on 127.0.0.1, a separate port) through which a test changes objects
 * and watches them appear in the app. Control routes (JSON answers):
 *   POST /apply         body: YAML or JSON, one or more objects → {"applied":[{kind,namespace,name,resourceVersion}]}
 *   POST /delete        body: {"apiVersion"|"group", "kind", "namespace"?, "name"} → {"deleted":true|false}
 *   POST /compact       forget history (watches from older resourceVersions get 410 Gone)
 *   POST /bookmark      send a BOOKMARK to every watch
 *   POST /end-watches   end every watch stream
 *   POST /restart       body: {"compact"?: true} — stop and start the API server on the same port
 *   POST /install       body: {"group","kind","versions":[…],"plural"?,"namespaced"?}
 *   POST /uninstall     body: {"group","kind"}
 *   POST /forbid        body: {"resource":"httproutes","forbidden":true|false}
 *   GET  /requests      every request the API server received: [{method,path,query}]
 *   GET  /objects       every stored object
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseAllDocuments } from "yaml";
import { FakeApiServer } from "./fake-apiserver";
import { TEST_CERT, TEST_KEY, writeKubeconfig } from "./cluster-fixtures";
import type { FakeKind } from "./fake-store";

export interface FakeClusterOptions {
  port?: number;
  controlPort?: number;
  kubeconfigOut: string;
  https?: boolean;
  token?: string;
  /** YAML/JSON text of objects to start with. */
  seed?: string[];
}

export interface FakeCluster {
  apiserver: string;
  control: string;
  kubeconfig: string;
  server: FakeApiServer;
  close(): Promise<void>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Objects from YAML or JSON text (documents that are lists of objects are flattened). */
export function objectsOf(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(doc.errors[0].message);
    const v: unknown = doc.toJSON();
    if (Array.isArray(v)) out.push(...v.filter(isRecord));
    else if (isRecord(v) && Array.isArray(v.items) && String(v.kind ?? "").endsWith("List")) out.push(...v.items.filter(isRecord));
    else if (isRecord(v)) out.push(v);
  }
  return out;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (s += c));
    req.on("end", () => resolve(s));
    req.on("error", reject);
  });
}

async function control(fake: FakeApiServer, req: http.IncomingMessage): Promise<unknown> {
  const route = `${req.method} ${new URL(req.url ?? "/", "http://x").pathname}`;
  const body = req.method === "POST" ? await readBody(req) : "";
  const json = () => (body.trim() ? (JSON.parse(body) as Record<string, unknown>) : {});
  switch (route) {
    case "POST /apply":
      return {
        applied: objectsOf(body).map((o) => {
          const s = fake.store.apply(o);
          return { kind: s.kind, namespace: s.metadata.namespace ?? "", name: s.metadata.name, resourceVersion: s.metadata.resourceVersion };
        }),
      };
    case "POST /delete": {
      const b = json();
      const group = typeof b.group === "string" ? b.group : typeof b.apiVersion === "string" && b.apiVersion.includes("/") ? b.apiVersion.slice(0, b.apiVersion.lastIndexOf("/")) : "";
      return { deleted: fake.store.delete(group, String(b.kind), String(b.namespace ?? ""), String(b.name)) };
    }
    case "POST /compact":
      fake.store.compact();
      return { ok: true };
    case "POST /bookmark":
      fake.bookmark();
      return { ok: true };
    case "POST /end-watches":
      fake.endWatches();
      return { ok: true };
    case "POST /restart":
      await fake.restart({ compact: json().compact === true });
      return { ok: true };
    case "POST /install": {
      const b = json();
      const kind = String(b.kind);
      fake.store.install({ group: String(b.group ?? ""), kind, versions: (b.versions as string[]) ?? ["v1"], plural: String(b.plural ?? kind.toLowerCase() + "s"), namespaced: b.namespaced !== false } as FakeKind);
      return { ok: true };
    }
    case "POST /uninstall": {
      const b = json();
      fake.store.uninstall(String(b.group ?? ""), String(b.kind));
      return { ok: true };
    }
    case "POST /forbid": {
      const b = json();
      if (b.forbidden === false) fake.forbidden.delete(String(b.resource));
      else fake.forbidden.add(String(b.resource));
      return { ok: true };
    }
    case "GET /requests":
      return fake.requests.map((r) => ({ method: r.method, path: r.path, query: r.query }));
    case "GET /objects":
      return [...fake.store.objects.values()].flatMap((b) => [...b.values()]);
    default:
      throw Object.assign(new Error(`unknown control route ${route}`), { status: 404 });
  }
}

/** Start the fake API server, write its kubeconfig, and open the control endpoint. */
export async function startFakeCluster(o: FakeClusterOptions): Promise<FakeCluster> {
  const fake = new FakeApiServer({ port: o.port ?? 0, tls: o.https ? { key: TEST_KEY, cert: TEST_CERT } : undefined, token: o.token });
  for (const text of o.seed ?? []) for (const obj of objectsOf(text)) fake.store.apply(obj);
  await fake.start();
  writeKubeconfig(o.kubeconfigOut, { server: fake.url, token: o.token, ca: o.https ? TEST_CERT : undefined, context: "fake" });
  const ctl = http.createServer((req, res) => {
    control(fake, req).then(
      (v) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify(v));
      },
      (e: unknown) => {
        res.writeHead((e as { status?: number }).status ?? 400, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    ctl.once("error", reject);
    ctl.listen(o.controlPort ?? 0, "127.0.0.1", () => resolve());
  });
  const controlUrl = `http://127.0.0.1:${(ctl.address() as AddressInfo).port}`;
  return {
    apiserver: fake.url,
    control: controlUrl,
    kubeconfig: o.kubeconfigOut,
    server: fake,
    close: async () => {
      ctl.closeAllConnections();
      await new Promise<void>((r) => ctl.close(() => r()));
      await fake.stop();
    },
  };
}

/** The ready line a launcher waits for: one line of JSON. */
export function readyLine(c: FakeCluster): string {
  return JSON.stringify({ apiserver: c.apiserver, control: c.control, kubeconfig: c.kubeconfig });
}
