// A person's whole backup and restore, with the real jars: the wallet page (served by the
// daemon) in one tab, the simulator's screen page in another. Screenshots of both tabs at every
// step go to target/screenshots/.

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { launchChromium } from "../lib/chromium.js";
import { DeviceScreen } from "../lib/device-screen.js";
import { REPO_ROOT, TARGET, jar, startJava, stopAll } from "../lib/processes.js";
import { WalletPage } from "../lib/wallet-page.js";

const WORD_COUNT = 12;
const PIN = "2580";
const VAULT_PASSWORD = "correct horse battery";
const FILE_PASSWORD = "a password for the file";
const SCREENSHOTS = join(TARGET, "screenshots");
const POLKADOT_GENESIS = "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";
const DOWNLOADS = join(TARGET, "downloads");

let browser = null;
let dataDir = null;

after(async () => {
  try {
    await browser?.close();
  } finally {
    await stopAll();
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * Numbered screenshots of both tabs, each of its whole page: the viewport grows to the page's
 * height for the shot, so the wallet's bottom-fixed notices sit below the content, not over it.
 */
class Screenshots {
  #count = 0;

  constructor(pages) {
    this.pages = pages;
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }

  async take(step) {
    this.#count++;
    const prefix = String(this.#count).padStart(2, "0");
    for (const [name, page] of Object.entries(this.pages)) {
      const viewport = page.viewportSize();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
      try {
        await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-${step}-${name}.png`) });
      } finally {
        await page.setViewportSize(viewport);
      }
    }
  }
}

async function startProducts() {
  const simulatorJar = jar("simulator/target/simulator.jar");
  const daemonJar = jar("daemon/target/hwbridge.jar");
  const simulator = await startJava("simulator", simulatorJar,
    ["run", "--ephemeral", "--port", "0", "--automation-port", "0"],
    /hwbridge simulator ready: udp ([\d.]+:\d+), automation (http:\/\/\S+)/);
  dataDir = mkdtempSync(join(tmpdir(), "hwbridge-browser-data-"));
  const daemon = await startJava("daemon", daemonJar,
    ["--port", "0", "--simulator", simulator.match[1], "--data-dir", dataDir, "--no-usb"],
    /hwbridge listening on ws:\/\/([^/\s]+)\//);
  return { walletUrl: `http://${daemon.match[1]}/`, screenUrl: simulator.match[2] };
}

test("a person sets up the device, backs up, wipes, recovers and restores every account, then moves one through polkadot-js", { timeout: 180000 }, async () => {
  const { walletUrl, screenUrl } = await startProducts();
  browser = await launchChromium();
  const walletTab = browser.context.pages()[0] ?? await browser.context.newPage();
  // The page declares a strict Content-Security-Policy: a violation, like any script error,
  // shows up here.
  const pageErrors = [];
  walletTab.on("pageerror", (error) => pageErrors.push(error.message));
  walletTab.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  const screenTab = await browser.context.newPage();
  await screenTab.setViewportSize({ width: 480, height: 700 });
  await walletTab.goto(walletUrl);
  await screenTab.goto(screenUrl);
  const wallet = new WalletPage(walletTab);
  const device = new DeviceScreen(screenTab);
  const shots = new Screenshots({ wallet: walletTab, device: screenTab });

  // The page finds the daemon and the simulator.
  await wallet.waitForText("connection", /^Connected to hwbridge/);
  const use = walletTab.locator("[data-testid^='use-device-']").first();
  await use.waitFor();
  await shots.take("start");

  await use.click();
  await wallet.waitForText("device-state", /^Not set up/);
  await shots.take("device-chosen");

  // Set up: the words are read off the device screen while it shows them.
  await wallet.select("setup-words", String(WORD_COUNT));
  await wallet.fill("setup-label", "My signer");
  await wallet.click("setup");
  await device.confirm("Create a new seed?");
  const words = [];
  for (let first = 1; first <= WORD_COUNT; first += 4) {
    await device.waitFor("Write down your words", "confirm");
    for (const line of await device.lines()) {
      const [, position, word] = /^(\d+)\. (\S+)$/.exec(line) ?? [];
      if (position !== undefined) words[Number(position) - 1] = word;
    }
    assert.equal(words.length, first + 3, `the device showed words up to ${first + 3}`);
    await wallet.waitForText("prompt-progress", new RegExp(`^Words ${first}–${first + 3} of ${WORD_COUNT}$`));
    if (first === 1) await shots.take("setup-write-down-words");
    await device.confirm("Write down your words");
  }
  for (let check = 1; check <= 3; check++) {
    const title = await device.waitFor(/^Enter word \d+$/, "typed");
    const position = Number(title.split(" ").at(-1));
    if (check === 1) await shots.take("setup-check-word");
    await device.type(title, words[position - 1]);
  }
  await device.type("Choose a PIN", PIN);
  await device.type("Confirm the PIN", PIN);
  await wallet.waitForText("device-state", /^Ready$/);
  await wallet.waitForText("device-label", /^My signer$/);
  await shots.take("set-up");

  // Two named accounts, the second behind a password typed on the device.
  await wallet.fill("derive-name", "Savings");
  await wallet.select("derive-network", "0");
  await wallet.select("derive-scheme", "sr25519");
  await wallet.fill("derive-path", "//polkadot//0");
  await wallet.click("derive");
  await wallet.waitForText("status", /^Added “Savings”: 1\w+$/);

  await wallet.fill("derive-name", "Kusama vault");
  await wallet.select("derive-network", "2");
  assert.equal(await wallet.byTestId("derive-path").inputValue(), "//kusama//0", "the path follows the network");
  await wallet.select("derive-scheme", "ed25519");
  await wallet.byTestId("derive-passphrase").check();
  await wallet.click("derive");
  await wallet.waitForText("prompt", /Type the password on the device/);
  await shots.take("derive-password-on-device");
  await device.type(/^Password for \/\/kusama\/\/0$/, VAULT_PASSWORD);
  await wallet.waitForText("status", /^Added “Kusama vault”: \w+$/);
  const addresses = await wallet.accountAddresses();
  assert.equal(addresses.length, 2);
  assert.deepEqual(await wallet.accountNames(), ["Savings", "Kusama vault"]);
  await shots.take("accounts");

  // A message signed on the device.
  await wallet.select("sign-account", addresses[0]);
  await wallet.fill("sign-message", "I own this account");
  await wallet.click("sign");
  await device.confirm("Sign message");
  await wallet.waitForText("signature", /^0x[0-9a-f]{128}$/);
  await shots.take("message-signed");

  // The backup, downloaded as a person would.
  const [download] = await Promise.all([walletTab.waitForEvent("download"), wallet.click("backup-export")]);
  mkdirSync(DOWNLOADS, { recursive: true });
  const backupFile = join(DOWNLOADS, download.suggestedFilename());
  await download.saveAs(backupFile);
  assert.match(download.suggestedFilename(), /^hwbridge-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(readFileSync(backupFile, "utf8"));
  assert.equal(backup.format, "hwbridge-backup");
  assert.deepEqual(backup.accounts.map((account) => account.address), addresses);
  await wallet.waitForText("status", /^Downloaded the backup of 2 accounts\.$/);
  await shots.take("backup-downloaded");

  // Wipe the device, and forget the accounts as a new computer would not know them.
  await wallet.click("wipe");
  await device.confirm("Erase everything?");
  await wallet.waitForText("device-state", /^Not set up/);
  for (const address of addresses) {
    await wallet.click(`forget-${address}`);
    await walletTab.getByTestId(`account-${address}`).waitFor({ state: "detached" });
  }
  assert.deepEqual(await wallet.accountAddresses(), []);
  await shots.take("wiped-and-forgotten");

  // Recover: every word typed on the device screen; the wallet page only says which one.
  await wallet.select("recover-words", String(WORD_COUNT));
  await wallet.click("recover");
  await device.confirm("Recover a seed?");
  for (let position = 1; position <= WORD_COUNT; position++) {
    const title = `Word ${position} of ${WORD_COUNT}`;
    await device.waitFor(title, "typed");
    await wallet.waitForText("prompt-progress", new RegExp(`^${title}$`));
    if (position === 5) await shots.take("recover-word-5");
    await device.type(title, words[position - 1]);
  }
  await device.type("Choose a PIN", PIN);
  await device.type("Confirm the PIN", PIN);
  await wallet.waitForText("device-state", /^Ready$/);
  await shots.take("recovered");

  // Restore from the downloaded file; the device asks the vault's password again.
  await wallet.byTestId("restore-file").setInputFiles(backupFile);
  await wallet.click("restore");
  await device.type(/^Password for \/\/kusama\/\/0$/, VAULT_PASSWORD);
  await wallet.waitForText("restore-summary", /^All 2 accounts matched: they are back in your account list\.$/);
  assert.equal(await walletTab.locator("#restore-list li.ok").count(), 2);
  assert.equal(await walletTab.locator("#restore-list li.bad").count(), 0);
  assert.deepEqual(await wallet.accountAddresses(), addresses);
  assert.equal(await wallet.byTestId("error").textContent(), "");
  await shots.take("restored");

  // One account out to a polkadot-js file and back in as a seed of its own; a wrong password
  // first, which the page must explain in words.
  await wallet.select("pjs-export-account", addresses[0]);
  await wallet.fill("pjs-export-password", FILE_PASSWORD);
  await wallet.fill("pjs-export-repeat", FILE_PASSWORD);
  const [exported] = await Promise.all([walletTab.waitForEvent("download"), (async () => {
    await wallet.click("pjs-export");
    await device.confirm("Export account");
  })()]);
  const accountFile = join(DOWNLOADS, exported.suggestedFilename());
  await exported.saveAs(accountFile);
  assert.equal(exported.suggestedFilename(), "Savings.json");
  const account = JSON.parse(readFileSync(accountFile, "utf8"));
  assert.equal(account.address, addresses[0]);
  assert.deepEqual(account.encoding.type, ["scrypt", "xsalsa20-poly1305"]);
  assert.equal(await wallet.byTestId("pjs-export-password").inputValue(), "", "the password field is cleared");

  await wallet.byTestId("pjs-import-file").setInputFiles(accountFile);
  await wallet.fill("pjs-import-password", "not the password");
  await wallet.click("pjs-import");
  await wallet.waitForText("error", /^The password does not open this account file\.$/);
  await shots.take("import-wrong-password");
  await wallet.fill("pjs-import-password", FILE_PASSWORD);
  await wallet.click("pjs-import");
  await device.confirm("Import account");
  await wallet.waitForText("pjs-import-result", new RegExp(`^Imported ${addresses[0]} onto the device as the seed “Savings”\\.$`));
  await wallet.waitForText("device-identities", /^default, Savings$/);
  assert.equal(await wallet.byTestId("error").textContent(), "");
  await shots.take("imported");

  // Clear signing: the chain's metadata added from a file on the page, then a dapp's transfer of
  // 12.345 DOT shown and checked page by page on the device before it is signed.
  const metadataFile = join(DOWNLOADS, "polkadot-v15.scale");
  writeFileSync(metadataFile, gunzipSync(readFileSync(join(REPO_ROOT, "src", "vectors", "metadata", "polkadot-v15.scale.gz"))));
  await wallet.byTestId("chain-file").setInputFiles(metadataFile);
  await wallet.fill("chain-genesis", POLKADOT_GENESIS);
  await wallet.fill("chain-decimals", "10");
  await wallet.fill("chain-symbol", "DOT");
  await wallet.click("chain-add");
  await wallet.waitForText("status", /^Added polkadot 2000000: the device can now show its transactions\.$/);
  assert.equal(await wallet.byTestId("chain-polkadot-2000000").count(), 1);
  await shots.take("chain-added");

  await wallet.click("release");
  const signing = walletTab.evaluate(dappSignsATransfer, { from: addresses[0], genesis: POLKADOT_GENESIS });
  const pages = [];
  for (const title of ["Chain", "Account", "Balances.transfer_keep_alive", "Transaction", "Sign transaction"]) {
    await device.waitFor(title, "confirm");
    pages.push(await device.lines());
    await shots.take(`clear-signing-${pages.length}`);
    await device.confirm(title);
  }
  const signed = await signing;
  assert.deepEqual(pages[0], ["polkadot", "spec version 2000000"]);
  assert.equal(pages[1][0], addresses[0]);
  assert.deepEqual(pages[2], ["dest: 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", "value: 12.345 DOT"]);
  assert.equal(signed.error, undefined, JSON.stringify(signed.error));
  assert.equal(signed.result.signerPayload.mode, 1);
  assert.match(signed.result.signedTransaction, /^0x[0-9a-f]+$/);
  assert.deepEqual(pageErrors, [], "the wallet page logged no error");
});

/**
 * A dapp in the page's origin: its own connection to the daemon, a session on the device, and a
 * SignerPayloadJSON of Balances.transfer_keep_alive(//Alice, 12.345 DOT) on Polkadot as
 * @polkadot/api hands it to a signer, with withSignedTransaction. Runs in the browser.
 */
async function dappSignsATransfer({ from, genesis }) {
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
  let ids = 0;
  const call = (method, params) => new Promise((resolve) => {
    const id = ++ids;
    waiting.set(id, resolve);
    socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
  });
  const [device] = (await call("device.list", {})).result;
  const { session } = (await call("session.acquire", { device: device.id })).result;
  const signed = await call("account.sign", {
    session,
    address: from,
    signerPayload: {
      address: from, blockHash: genesis, blockNumber: "0x00000000", era: "0x00", genesisHash: genesis,
      method: "0x050300d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d07808231be1c",
      mode: 0, nonce: "0x00000000", specVersion: "0x001e8480", tip: "0x00", transactionVersion: "0x0000001a",
      version: 4, withSignedTransaction: true,
      signedExtensions: ["CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality",
        "CheckNonce", "CheckWeight", "ChargeTransactionPayment", "PrevalidateAttests", "CheckMetadataHash"],
    },
  });
  socket.close();
  return signed;
}
