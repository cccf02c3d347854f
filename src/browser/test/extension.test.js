// The browser extension (src/extension) loaded unpacked in Debian's Chromium, and a dapp written
// only with @polkadot/extension-dapp and @polkadot/api, served from a loopback origin: the dapp
// enables hwbridge, the person approves the site on the wallet page, the dapp lists the device's
// accounts, signs a transfer (clear-signed: the simulator shows it page by page) and a message,
// and polkadot-js verifies both; revoking the site in the extension's popup takes its accounts
// away; a site the person rejects gets nothing and cannot ask again until reloaded.

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../lib/chromium.js";
import { serveDapp } from "../lib/dapp-server.js";
import { DeviceUser } from "../lib/device-user.js";
import { REPO_ROOT, jar, startJava, stopAll } from "../lib/processes.js";
import { WalletPage } from "../lib/wallet-page.js";

const EXTENSION = join(REPO_ROOT, "src", "extension");
/** Fixed by the manifest's key; the daemon allows it by default. */
const EXTENSION_ID = "hcakfomikcnpdlnmkdlhkefhploogbde";
/** The polkadot-js development phrase: a test vector, known to everyone. */
const PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

let browser = null;
let dapp = null;
let tempDir = null;

after(async () => {
  try {
    await browser?.close();
    await dapp?.close();
  } finally {
    await stopAll();
    if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
  }
});

async function startProducts() {
  tempDir = mkdtempSync(join(tmpdir(), "hwbridge-extension-test-"));
  const phraseFile = join(tempDir, "mnemonic");
  writeFileSync(phraseFile, PHRASE, { mode: 0o600 });
  const simulator = await startJava("simulator", jar("simulator/target/simulator.jar"),
    ["run", "--ephemeral", "--port", "0", "--automation-port", "0", "--mnemonic-file", phraseFile],
    /hwbridge simulator ready: udp ([\d.]+:\d+), automation (http:\/\/\S+)/);
  const daemon = await startJava("daemon", jar("daemon/target/hwbridge.jar"),
    ["--port", "0", "--simulator", simulator.match[1], "--data-dir", join(tempDir, "data"), "--no-usb"],
    /hwbridge listening on ws:\/\/([^/\s]+)\//);
  return { daemonHost: daemon.match[1], automation: simulator.match[2] };
}

/** Calls the daemon from the wallet page's origin (its own page): `calls` is [[method, params], …]. */
async function daemonCalls(walletTab, calls) {
  return walletTab.evaluate(async (list) => {
    const socket = new WebSocket(`ws://${location.host}/`);
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = reject;
    });
    const waiting = new Map();
    socket.onmessage = (event) => {
      const reply = JSON.parse(event.data);
      waiting.get(reply.id)?.(reply);
    };
    const results = [];
    let context = {};
    for (const [id, [method, params]] of list.entries()) {
      // "$session" in params stands for the session acquired by an earlier call.
      const filled = JSON.parse(JSON.stringify(params).replaceAll("$session", context.session ?? ""));
      const reply = await new Promise((resolve) => {
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params: filled }));
      });
      if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
      if (reply.result?.session) context = { session: reply.result.session };
      results.push(reply.result);
    }
    socket.close();
    return results;
  }, calls);
}

async function awaitDevice(walletTab) {
  for (let i = 0; i < 200; i++) {
    const [devices] = await daemonCalls(walletTab, [["device.list", {}]]);
    if (devices.length === 1 && devices[0].label !== null) return devices[0].id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the simulator never appeared in device.list");
}

test("a dapp using only @polkadot/extension-dapp signs through the extension once the site is approved, and loses its accounts when revoked", { timeout: 240000 }, async () => {
  const { daemonHost, automation } = await startProducts();
  const daemonPort = daemonHost.split(":").pop();
  dapp = await serveDapp();
  const approvedOrigin = `http://127.0.0.1:${dapp.port}`;
  const rejectedOrigin = `http://localhost:${dapp.port}`;
  browser = await launchChromium({ extension: EXTENSION });
  const { context } = browser;
  const errors = [];

  // The extension's background worker runs under the id its manifest key fixes.
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent("serviceworker");
  assert.equal(new URL(worker.url()).host, EXTENSION_ID);

  // The device's accounts, made on the wallet page's connection.
  const walletTab = context.pages()[0] ?? await context.newPage();
  walletTab.on("pageerror", (error) => errors.push(`wallet: ${error.message}`));
  await walletTab.goto(`http://${daemonHost}/`);
  const wallet = new WalletPage(walletTab);
  await wallet.waitForText("connection", /^Connected to hwbridge/);
  const device = await awaitDevice(walletTab);
  const [, first, second] = await daemonCalls(walletTab, [
    ["session.acquire", { device }],
    ["account.derive", { session: "$session", scheme: "sr25519", path: "//polkadot//0", ss58Format: 0, name: "Polkadot 0" }],
    ["account.derive", { session: "$session", scheme: "sr25519", path: "//polkadot//1", ss58Format: 0, name: "Polkadot 1" }],
    ["session.release", { session: "$session" }],
  ]);

  // The popup: the daemon of this test listens on another port than the default.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await popup.getByTestId("port").fill(daemonPort);
  await popup.getByRole("button", { name: "Save" }).click();
  await popup.getByTestId("connection").filter({ hasText: `Connected to the daemon at ws://127.0.0.1:${daemonPort}/` }).waitFor();

  // The dapp asks; the person sees the site in the popup and approves it on the wallet page.
  const dappTab = await context.newPage();
  dappTab.on("pageerror", (error) => errors.push(`dapp: ${error.message}`));
  await dappTab.goto(`${approvedOrigin}/`);
  await dappTab.waitForFunction(() => document.title === "Test dapp (ready)");
  const enabling = dappTab.evaluate(() => window.dapp.enable());
  await popup.getByTestId(`approve-${approvedOrigin}`).waitFor();
  await wallet.byTestId(`site-request-${approvedOrigin}`).filter({ hasText: "Test dapp" }).waitFor();
  await wallet.byTestId(`approve-site-${approvedOrigin}`).click();
  assert.deepEqual(await enabling, ["hwbridge"]);
  await wallet.byTestId(`site-${approvedOrigin}`).waitFor();

  // web3Accounts lists the device's accounts.
  const accounts = await dappTab.evaluate(() => window.dapp.accounts());
  assert.deepEqual(accounts, [
    { address: first.address, name: "Polkadot 0", source: "hwbridge" },
    { address: second.address, name: "Polkadot 1", source: "hwbridge" },
  ]);

  // The dapp hands over Polkadot's metadata; the transfer is clear-signed on the device.
  assert.equal(await dappTab.evaluate((address) => window.dapp.provideMetadata(address), first.address), true);
  const [chains] = await daemonCalls(walletTab, [["chain.list", {}]]);
  const metadataHash = chains.find((chain) => chain.specName === "polkadot").metadataHash;
  const signing = dappTab.evaluate(([from, to, hash]) => window.dapp.signTransfer(from, to, hash),
    [first.address, second.address, metadataHash]);
  const user = new DeviceUser(automation);
  const pages = [];
  for (const title of ["Chain", "Account", "Balances.transfer_keep_alive", "Transaction", "Sign transaction"]) {
    pages.push(await user.confirm(title));
  }
  const transfer = await signing;
  assert.deepEqual(pages[0].lines, ["polkadot", "spec version 2000000"]);
  assert.equal(pages[1].lines[0], first.address);
  assert.deepEqual(pages[2].lines, [`dest: ${second.address}`, "value: 12.345 DOT"]);
  assert.equal(transfer.isSigned, true);
  assert.equal(transfer.signer, first.address);
  assert.equal(transfer.mode, 1, "CheckMetadataHash enabled by the wallet (withSignedTransaction)");
  assert.equal(transfer.call, "balances.transferKeepAlive");
  assert.equal(transfer.dest, second.address);
  assert.equal(transfer.value, "123450000000");
  assert.equal(transfer.valid, true, "polkadot-js verifies the transfer's signature");

  // A message, signed raw.
  const messageSigning = dappTab.evaluate((address) => window.dapp.signMessage(address, "hello from the test dapp"), first.address);
  await user.confirm();
  const message = await messageSigning;
  assert.equal(message.valid, true, "polkadot-js verifies the message's signature");

  // Revoked with the popup's switch: the dapp loses its accounts and can sign nothing.
  await popup.reload();
  await popup.getByTestId(`approved-${approvedOrigin}`).uncheck();
  await wallet.byTestId("no-sites").waitFor({ state: "visible" });
  assert.deepEqual(await dappTab.evaluate(() => window.dapp.accounts()), []);
  const unfound = await dappTab.evaluate((address) => window.dapp.attempt("signMessage", address, "after revoking"), first.address);
  assert.match(unfound.error ?? "", /Unable to find injected/, "web3FromAddress finds no account");
  const refused = await dappTab.evaluate((address) => window.dapp.attempt("signMessageWithKeptSigner", address, "after revoking"),
    first.address);
  assert.match(refused.error ?? "", /not approved/, "a signer kept from before is refused");

  // Another origin, rejected: it gets nothing, and asking again does not bother the person.
  const otherTab = await context.newPage();
  otherTab.on("pageerror", (error) => errors.push(`other dapp: ${error.message}`));
  await otherTab.goto(`${rejectedOrigin}/`);
  await otherTab.waitForFunction(() => document.title === "Test dapp (ready)");
  const asking = otherTab.evaluate(() => window.dapp.enable());
  await wallet.byTestId(`reject-site-${rejectedOrigin}`).click();
  assert.deepEqual(await asking, [], "a rejected site enables no wallet");
  assert.deepEqual(await otherTab.evaluate(() => window.dapp.accounts()), []);
  assert.deepEqual(await otherTab.evaluate(() => window.dapp.enable()), [], "rejected at once for the page's lifetime");
  const [origins] = await daemonCalls(walletTab, [["origin.list", {}]]);
  assert.deepEqual(origins, { approved: [], pending: [] }, "no second prompt");
  await wallet.byTestId(`site-request-${rejectedOrigin}`).waitFor({ state: "detached" });

  assert.deepEqual(errors, [], "no page logged an error");
});

test("the extension ships the JavaScript client as src/client has it", () => {
  assert.equal(readFileSync(join(EXTENSION, "lib", "hwbridge.js"), "utf8"),
    readFileSync(join(REPO_ROOT, "src", "client", "lib", "hwbridge.js"), "utf8"),
    "src/extension/lib/hwbridge.js differs: copy src/client/lib/hwbridge.js over it");
});
