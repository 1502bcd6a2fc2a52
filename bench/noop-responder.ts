// The yardstick of `npm run bench:webhook`: a Node HTTPS server that reads each request body and answers fixed bytes
// (the webhook's own response to that scenario's AdmissionReview, chosen by path) — what any Node HTTPS webhook costs
// before it decides anything. Usage: node bench/noop-responder.ts <cert-dir> <responses.json> <port-file>
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

const [certDir, responsesPath, portFile] = process.argv.slice(2);
if (!certDir || !responsesPath || !portFile) {
  process.stderr.write("usage: noop-responder.ts <cert-dir> <responses.json> <port-file>\n");
  process.exit(2);
}
const responses = new Map(
  Object.entries(JSON.parse(readFileSync(responsesPath, "utf8")) as Record<string, string>).map(
    ([path, body]) => [path, Buffer.from(body)] as const,
  ),
);
const server = createServer(
  { cert: readFileSync(join(certDir, "tls.crt")), key: readFileSync(join(certDir, "tls.key")) },
  (req, res) => {
    req.on("data", () => {});
    req.on("end", () => {
      const body = responses.get(req.url ?? "") ?? Buffer.from("{}");
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": body.length,
      });
      res.end(body);
    });
  },
);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  writeFileSync(portFile, String((server.address() as AddressInfo).port));
});
process.on("SIGTERM", () => process.exit(0));
