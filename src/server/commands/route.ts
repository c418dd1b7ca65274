/** `switchyard route -f PATH … --request JSON | --batch FILE.jsonl`: one Outcome per request. */
import { match } from "../../index";
import type { SimRequest } from "../../model/request";
import type { Outcome } from "../../model/outcome";
import { one, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { badInput, loadConfig } from "../config";
import { parseRequest, readBatch } from "../requests";

export const ROUTE_HELP = `Usage: switchyard route -f PATH [-f PATH …] (--request JSON | --batch FILE.jsonl)

Simulate where requests go. Prints one Outcome as JSON (--request), or one Outcome per line, in
the order of the requests (--batch, a JSON-lines file with one request object per line).

Request object (the shape of a conformance request case):
  {"gateway":"ns/name", "request":{"protocol":"HTTP|HTTPS|GRPC|TLS|TCP|UDP", "host":"…",
   "port":80, "path":"/p", "method":"GET", "headers":{…}, "query":{…},
   "grpc":{"service":"pkg.Svc","method":"M"}}}
  For mesh traffic: "mesh":{"service":"ns/name","port":80} instead of "gateway".

Options:
  -f, --file PATH    a file, or a directory (every *.yaml, *.yml, *.json inside); repeatable; - = stdin
  --request JSON     one request object
  --batch FILE       JSON lines, one request object per line
  -h, --help         this help

Exit status: 0 answered; 2 bad input (unreadable file, invalid YAML, invalid request).`;

export const ROUTE_SPEC = {
  values: { "-f": "file", "--file": "file", "--request": "request", "--batch": "batch" },
  repeatable: ["file"],
  flags: { "-h": "help", "--help": "help" },
};

/** A matcher failure is an engine bug; report it as an outcome-shaped error rather than crash the batch. */
function safeMatch(model: Parameters<typeof match>[0], req: SimRequest): Outcome {
  try {
    return match(model, req);
  } catch (e) {
    return {
      statusCode: 500,
      backend: null,
      backends: [],
      listener: null,
      route: null,
      rule: null,
      match: null,
      requestHeaders: {},
      path: req.request?.path ?? "/",
      host: req.request?.host ?? "",
      redirect: null,
      responseHeaders: {},
      mirrors: [],
      trace: [{ step: "error", detail: `internal error in the matcher: ${e instanceof Error ? e.message : String(e)}`, refs: [] }],
    };
  }
}

export function runRoute(args: ParsedArgs, io: Io): number {
  const requestText = one(args, "request");
  const batch = one(args, "batch");
  if ((requestText === undefined) === (batch === undefined)) {
    return badInput(io, [{ file: "<args>", line: 1, column: 1, message: "give exactly one of --request JSON or --batch FILE.jsonl" }]);
  }
  let requests: SimRequest[];
  if (requestText !== undefined) {
    const { request, problem } = parseRequest(requestText, "--request");
    if (problem) return badInput(io, [problem]);
    requests = [request!];
  } else {
    const b = readBatch(batch!);
    if (b.problems.length > 0) return badInput(io, b.problems);
    requests = b.requests;
  }
  const loaded = loadConfig(args.values.get("file") ?? [], io, true);
  if (typeof loaded === "number") return loaded;
  if (requestText !== undefined) {
    io.out(JSON.stringify(safeMatch(loaded.model, requests[0]), null, 2) + "\n");
    return 0;
  }
  // One line per request, written in chunks: a 100k-request batch should not build one huge string.
  let buf = "";
  for (const req of requests) {
    buf += JSON.stringify(safeMatch(loaded.model, req)) + "\n";
    if (buf.length > 1 << 16) {
      io.out(buf);
      buf = "";
    }
  }
  if (buf) io.out(buf);
  return 0;
}
