// Serves the test dapp (dapp/) over HTTP on a free loopback port: index.html, and dapp.js bundled
// with its npm dependencies by esbuild for the browser (bundled once per run, into target/).

import { createServer } from "node:http";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { TARGET } from "./processes.js";

const DAPP = fileURLToPath(new URL("../dapp/", import.meta.url));

async function bundle() {
  const outfile = join(TARGET, "dapp", "dapp.bundle.js");
  mkdirSync(join(TARGET, "dapp"), { recursive: true });
  await build({
    entryPoints: [join(DAPP, "dapp.js")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "chrome120",
    outfile,
    logLevel: "warning",
  });
  return readFileSync(outfile);
}

/** Starts the server; resolves with {port, close()}. The dapp is the same at every loopback name. */
export async function serveDapp() {
  const files = new Map([
    ["/", { type: "text/html; charset=utf-8", body: readFileSync(join(DAPP, "index.html")) }],
    ["/dapp.bundle.js", { type: "text/javascript; charset=utf-8", body: await bundle() }],
  ]);
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url, "http://dapp").pathname);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": file.type, "Cache-Control": "no-store" }).end(file.body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
