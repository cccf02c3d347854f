// The wallet page: devices, the session on one of them, accounts, signing and backups, all
// through the daemon's JSON-RPC API (daemon/API.md). Secrets (words, PINs, passwords of
// derivation paths) are typed on the device, never here; the one exception is the password of
// a polkadot-js file, which only passes through this page on its way to the device.

import { HwbridgeClient, HwbridgeError } from "./hwbridge.js";
import { UserError, describeError, describeMismatch, promptHint, networkName, suggestedPath } from "./messages.js";
import { downloadJson, readJsonFile, readMetadataFile, fileNameOf, today } from "./files.js";

const $ = (id) => document.getElementById(id);
// The same client wallet apps use (src/client/lib/hwbridge.js, served by the daemon beside this page).
const rpc = new HwbridgeClient();
const DAEMON_URL = `ws://${location.host}/`;
/** The client reconnects a connection that was open; a first one that fails, the page retries. */
const FIRST_CONNECT_RETRY_MS = 2000;

const state = {
  devices: new Map(), // id → the device as device.list shows it
  deviceId: null, // the device this page holds a session on
  session: null,
  features: null,
  accounts: [],
  sites: { approved: [], pending: [] }, // origin.list: the sites approved, and those asking
  chains: [], // the runtimes whose metadata the daemon holds (chain.list)
  deviceBusy: false, // a call that needs the device is running
};

// ---- small DOM helpers ------------------------------------------------------------------

function element(tag, { text, className, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function setStatus(text) {
  $("status").textContent = text;
}

function showError(text) {
  $("error").textContent = text;
}

function setConnection(text, connectionState) {
  const node = $("connection");
  node.textContent = text;
  node.dataset.state = connectionState;
}

// ---- rendering --------------------------------------------------------------------------

const TRANSPORTS = { hid: "USB", usb: "USB", udp: "Simulator" };

function deviceName(device) {
  return device.label ?? `Device ${device.id}`;
}

function deviceDetail(device) {
  const transport = TRANSPORTS[device.transport] ?? device.transport;
  return device.model && device.model !== device.label ? `${device.model} · ${transport}` : transport;
}

function renderDevices() {
  const items = [...state.devices.values()].map((device) => {
    const ours = device.id === state.deviceId;
    const other = !ours && device.session !== null;
    const status = ours ? "in use by this page" : other ? "in use by another app" : "free";
    const item = element("li", { className: "device", attrs: { "data-testid": `device-${device.id}` } }, [
      element("span", { className: "device-name", text: deviceName(device) }),
      element("span", { className: "muted", text: deviceDetail(device) }),
      element("span", { className: `device-status ${ours ? "ours" : ""}`, text: status }),
    ]);
    if (!ours) {
      const button = element("button", {
        text: other ? "Take over" : "Use this device",
        className: other ? "device-action secondary" : "device-action",
        attrs: { type: "button", "data-testid": `${other ? "take-over" : "use-device"}-${device.id}` },
      });
      button.addEventListener("click", () =>
        perform(button, `Opening ${deviceName(device)}…`, () => acquire(device, other ? device.session : null)));
      item.append(button);
    }
    return item;
  });
  $("devices").replaceChildren(...items);
  $("no-devices").hidden = items.length > 0;
  applyDeviceBusy();
}

function deviceStateText(features) {
  if (!features.initialized) return "Not set up: it holds no recovery phrase";
  if (features.locked) return "Locked: press Unlock and enter your PIN on the device";
  return "Ready";
}

function renderDevicePanel() {
  const features = state.features;
  const held = state.session !== null && features !== null;
  const ready = held && features.initialized && !features.locked;
  $("device-panel").hidden = !held;
  $("setup-section").hidden = $("recover-section").hidden = !(held && !features.initialized);
  for (const id of ["derive-section", "sign-section", "pjs-section", "restore-form"]) {
    $(id).hidden = !ready;
  }
  if (!held) return;
  $("device-label").textContent = features.label || deviceName(state.devices.get(state.deviceId) ?? { id: state.deviceId });
  $("device-state").textContent = deviceStateText(features);
  $("device-state").dataset.state = !features.initialized ? "empty" : features.locked ? "locked" : "ready";
  $("device-identities").textContent = features.locked ? "hidden while locked"
    : features.identities.length === 0 ? "none" : features.identities.join(", ");
  $("unlock").hidden = !(features.initialized && features.locked);
  $("wipe-box").hidden = !features.initialized;
  const identities = features.identities ?? [];
  $("derive-identity-row").hidden = identities.length < 2;
  const choice = $("derive-identity");
  const chosen = choice.value;
  choice.replaceChildren(...identities.map((name) => element("option", { text: name, attrs: { value: name } })));
  if (identities.includes(chosen)) choice.value = chosen;
}

function renderAccounts() {
  const rows = state.accounts.map((account) => {
    const forget = element("button", {
      text: "Forget",
      className: "secondary small",
      attrs: { type: "button", "data-testid": `forget-${account.address}`, "aria-label": `Forget ${account.name}` },
    });
    forget.addEventListener("click", () =>
      perform(forget, `Forgetting “${account.name}”…`, () => forgetAccount(account), false));
    const key = `${account.scheme} ${account.path === "" ? "(root key)" : account.path}`
      + (account.passwordProtected ? " + password" : "");
    return element("tr", { attrs: { "data-testid": `account-${account.address}` } }, [
      element("td", { text: account.name, className: "account-name" }),
      element("td", {}, [element("code", { text: account.address, className: "mono address" })]),
      element("td", { text: key }),
      // An ethereum account's 0x address belongs to Ethereum-style chains, not to an SS58 network.
      element("td", { text: account.scheme === "ethereum" ? "Ethereum-style chains" : networkName(account.ss58Format) }),
      element("td", {}, [forget]),
    ]);
  });
  $("account-rows").replaceChildren(...rows);
  $("accounts").hidden = rows.length === 0;
  $("no-accounts").hidden = rows.length > 0;
  for (const select of document.querySelectorAll(".account-choice")) {
    const chosen = select.value;
    select.replaceChildren(...state.accounts.map((account) =>
      element("option", { text: `${account.name} (${account.address.slice(0, 8)}…)`, attrs: { value: account.address } })));
    if (state.accounts.some((account) => account.address === chosen)) select.value = chosen;
  }
}

function renderChains() {
  const rows = state.chains.map((chain) => {
    const forget = element("button", {
      text: "Forget",
      className: "secondary small",
      attrs: { type: "button", "data-testid": `forget-chain-${chain.specName}-${chain.specVersion}`,
        "aria-label": `Forget ${chain.specName} ${chain.specVersion}` },
    });
    forget.addEventListener("click", () =>
      perform(forget, `Forgetting ${chain.specName} ${chain.specVersion}…`, () => forgetChain(chain), false));
    return element("tr", { attrs: { "data-testid": `chain-${chain.specName}-${chain.specVersion}` } }, [
      element("td", { text: `${chain.specName} (${networkName(chain.ss58Format)})` }),
      element("td", { text: String(chain.specVersion) }),
      element("td", { text: `${chain.tokenSymbol}, ${chain.tokenDecimals} decimals` }),
      element("td", {}, [element("code", { text: chain.metadataHash, className: "mono address" })]),
      element("td", {}, [forget]),
    ]);
  });
  $("chain-rows").replaceChildren(...rows);
  $("chains").hidden = rows.length === 0;
  $("no-chains").hidden = rows.length > 0;
}

function describeSite(entry) {
  return entry.kind === "extension"
    ? `A browser extension (${entry.origin}) asks to connect to hwbridge.`
    : `${entry.origin} ("${entry.appName}") asks to use your hwbridge accounts.`;
}

function renderSites() {
  const requests = state.sites.pending.map((entry) => {
    const approve = element("button", { text: "Approve", className: "small",
      attrs: { type: "button", "data-testid": `approve-site-${entry.origin}` } });
    const reject = element("button", { text: "Reject", className: "secondary small",
      attrs: { type: "button", "data-testid": `reject-site-${entry.origin}` } });
    approve.addEventListener("click", () => perform(approve, "Approving…", () => decideSite(entry, true), false));
    reject.addEventListener("click", () => perform(reject, "Rejecting…", () => decideSite(entry, false), false));
    return element("div", { className: "site-request", attrs: { "data-testid": `site-request-${entry.origin}` } }, [
      element("p", { text: describeSite(entry) }), approve, reject,
    ]);
  });
  $("site-requests").replaceChildren(...requests);
  const rows = state.sites.approved.map((entry) => {
    const revoke = element("button", { text: "Revoke", className: "secondary small",
      attrs: { type: "button", "data-testid": `revoke-site-${entry.origin}`, "aria-label": `Revoke ${entry.origin}` } });
    revoke.addEventListener("click", () => perform(revoke, `Revoking ${entry.origin}…`, () => revokeSite(entry), false));
    return element("tr", { attrs: { "data-testid": `site-${entry.origin}` } }, [
      element("td", {}, [element("code", { text: entry.origin, className: "mono" })]),
      element("td", { text: entry.kind === "extension" ? "(browser extension)" : entry.appName }),
      element("td", { text: new Date(entry.approvedAt).toLocaleString() }),
      element("td", {}, [revoke]),
    ]);
  });
  $("site-rows").replaceChildren(...rows);
  $("sites").hidden = rows.length === 0;
  $("no-sites").hidden = rows.length > 0;
}

function showPrompt(prompt) {
  const progress = prompt.progress?.text ?? "";
  // "Word 3 of 12" is often both the title and the counter: say it once.
  $("prompt-title").textContent = prompt.title.toLowerCase() === progress.toLowerCase() ? "" : prompt.title;
  $("prompt-progress").textContent = capitalized(progress);
  const bar = $("prompt-bar");
  bar.hidden = !prompt.progress;
  if (prompt.progress) {
    bar.max = prompt.progress.total;
    bar.value = prompt.progress.current;
  }
  const lines = (prompt.lines ?? []).filter((line) => line !== progress);
  $("prompt-lines").replaceChildren(...lines.map((line) => element("li", { text: line })));
  $("prompt-hint").textContent = promptHint(prompt.kind);
  $("prompt").hidden = false;
}

function hidePrompt() {
  $("prompt").hidden = true;
}

function capitalized(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- running an action --------------------------------------------------------------------

/**
 * Runs one action of a button: the button waits meanwhile, the status says what happens, and
 * any failure becomes a sentence. `work` returns the status text for success.
 */
async function perform(button, busyText, work, usesDevice = true) {
  showError("");
  setStatus(busyText);
  button.disabled = true;
  if (usesDevice) setDeviceBusy(true);
  try {
    setStatus(await work());
  } catch (error) {
    setStatus("");
    showError(describeError(error));
    await afterFailure(error);
  } finally {
    if (usesDevice) {
      setDeviceBusy(false);
      hidePrompt();
    }
    button.disabled = false;
  }
}

/** One device action at a time: the others wait, disabled, until the device has answered. */
function setDeviceBusy(busy) {
  state.deviceBusy = busy;
  applyDeviceBusy();
}

function applyDeviceBusy() {
  for (const button of document.querySelectorAll("button.device-action")) button.disabled = state.deviceBusy;
}

/** Brings the page in line with the device after a failed call (a wrong PIN, a wipe, …). */
async function afterFailure(error) {
  if (!(error instanceof HwbridgeError)) return;
  if (error.name === "NO_SESSION" || error.name === "DEVICE_GONE") {
    dropSession();
    return;
  }
  if (state.session !== null && ["PIN_INVALID", "WIPED", "LOCKED", "NOT_INITIALIZED", "CANCELLED"].includes(error.name)) {
    try {
      await refreshFeatures();
    } catch {
      // The first error is the one the person needs to read; this one would only hide it.
    }
  }
}

function dropSession() {
  const device = state.devices.get(state.deviceId);
  if (device && device.session === state.session) state.devices.set(device.id, { ...device, session: null });
  state.session = null;
  state.deviceId = null;
  state.features = null;
  $("signature-box").hidden = true;
  $("restore-result").hidden = true;
  hidePrompt();
  renderDevices();
  renderDevicePanel();
}

// ---- actions ------------------------------------------------------------------------------

async function acquire(device, previous) {
  if (state.session !== null) await release();
  const params = previous ? { device: device.id, previous } : { device: device.id };
  let session;
  try {
    ({ session } = await rpc.call("session.acquire", params));
  } catch (error) {
    // BUSY: the list learns who holds it, so the row offers to take it over.
    if (error instanceof HwbridgeError && error.name === "BUSY") await loadDevices();
    throw error;
  }
  state.session = session;
  state.deviceId = device.id;
  state.devices.set(device.id, { ...device, session });
  renderDevices();
  await refreshFeatures();
  return `You are using ${deviceName(device)}.`;
}

async function release() {
  const session = state.session;
  dropSession();
  await rpc.call("session.release", { session });
  return "The device is free for other apps again.";
}

async function refreshFeatures() {
  applyFeatures(await rpc.call("device.features", { session: state.session }));
}

function applyFeatures(features) {
  state.features = features;
  renderDevicePanel();
}

async function loadDevices() {
  setDevices(await rpc.call("device.list"));
}

function setDevices(devices) {
  state.devices = new Map(devices.map((device) => [device.id, device]));
  renderDevices();
}

async function loadAccounts() {
  state.accounts = await rpc.call("account.list");
  renderAccounts();
}

async function loadChains() {
  state.chains = await rpc.call("chain.list");
  renderChains();
}

async function loadSites() {
  state.sites = await rpc.call("origin.list");
  renderSites();
}

async function decideSite(entry, approve) {
  await rpc.call("origin.decide", { origin: entry.origin, approve });
  await loadSites();
  return approve ? `${entry.origin} is approved.` : `${entry.origin} was rejected.`;
}

async function revokeSite(entry) {
  await rpc.call("origin.revoke", { origin: entry.origin });
  await loadSites();
  return `${entry.origin} no longer sees your accounts.`;
}

async function addChain() {
  const metadata = await readMetadataFile($("chain-file"));
  const added = await rpc.call("chain.addMetadata", {
    genesisHash: $("chain-genesis").value.trim(),
    metadata,
    tokenDecimals: Number($("chain-decimals").value),
    tokenSymbol: $("chain-symbol").value.trim(),
  });
  await loadChains();
  $("chain-file").value = "";
  return `Added ${added.specName} ${added.specVersion}: the device can now show its transactions.`;
}

async function forgetChain(chain) {
  await rpc.call("chain.forget", { genesisHash: chain.genesisHash, specVersion: chain.specVersion });
  await loadChains();
  return `${chain.specName} ${chain.specVersion} is no longer known: its transactions are signed blind.`;
}

async function unlock() {
  applyFeatures(await rpc.call("device.unlock", { session: state.session }));
  return "The device is unlocked.";
}

async function setup() {
  const params = { session: state.session, wordCount: Number($("setup-words").value) };
  const label = $("setup-label").value.trim();
  if (label !== "") params.label = label;
  applyFeatures(await rpc.call("device.setup", params));
  return "Your device is set up. Keep the recovery phrase you wrote down somewhere safe and private.";
}

async function recover() {
  applyFeatures(await rpc.call("device.recover", { session: state.session, wordCount: Number($("recover-words").value) }));
  return "Your recovery phrase is back on the device. Restore your backup file to bring your accounts back.";
}

async function wipe() {
  applyFeatures(await rpc.call("device.wipe", { session: state.session }));
  return "The device is now empty.";
}

async function derive() {
  const name = $("derive-name").value.trim();
  if (name === "") throw new UserError("Give the account a name.");
  const params = {
    session: state.session,
    scheme: $("derive-scheme").value,
    path: $("derive-path").value.trim(),
    ss58Format: Number($("derive-network").value),
    name,
  };
  if ($("derive-passphrase").checked) params.passphrase = true;
  if ($("derive-show").checked) params.show = true;
  if (!$("derive-identity-row").hidden) params.identity = $("derive-identity").value;
  const account = await rpc.call("account.derive", params);
  await loadAccounts();
  $("derive-name").value = "";
  return `Added “${name}”: ${account.address}`;
}

async function forgetAccount(account) {
  await rpc.call("account.forget", { address: account.address });
  await loadAccounts();
  return `“${account.name}” is no longer listed. The device can make it again from the same path.`;
}

function chosenAccount(selectId) {
  const account = state.accounts.find((candidate) => candidate.address === $(selectId).value);
  if (!account) throw new UserError("Choose an account first.");
  return account;
}

function hexOf(text) {
  return "0x" + [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function sign() {
  const account = chosenAccount("sign-account");
  const signerPayload = { address: account.address, data: hexOf($("sign-message").value), type: "bytes" };
  const { signature } = await rpc.call("account.sign", { session: state.session, address: account.address, signerPayload });
  $("signature").textContent = signature;
  $("signature-box").hidden = false;
  return `Signed with “${account.name}”.`;
}

async function exportBackup() {
  const backup = await rpc.call("backup.export", { format: "hwbridge" });
  downloadJson(backup, `hwbridge-backup-${today()}.json`);
  const count = backup.accounts.length;
  return `Downloaded the backup of ${count} account${count === 1 ? "" : "s"}.`;
}

async function restoreBackup() {
  $("restore-result").hidden = true;
  const backup = await readJsonFile($("restore-file"), "backup file");
  const { restored, mismatched } = await rpc.call("backup.restore", { session: state.session, document: backup });
  await loadAccounts();
  const total = restored.length + mismatched.length;
  const summary = mismatched.length === 0
    ? (total === 1 ? "The account matched: it is back in your account list." : `All ${total} accounts matched: they are back in your account list.`)
    : `${restored.length} of ${total} accounts matched; ${mismatched.length} did not.`;
  $("restore-summary").textContent = summary;
  $("restore-summary").dataset.outcome = mismatched.length === 0 ? "ok" : "partial";
  $("restore-list").replaceChildren(
    ...restored.map((account) => element("li", { className: "ok", text: `${account.name} (${account.address}): matched` })),
    ...mismatched.map((miss) => element("li", { className: "bad", text: `${miss.address}: not restored, because ${describeMismatch(miss.reason)}` })));
  $("restore-result").hidden = false;
  return summary;
}

async function exportEncrypted() {
  $("pjs-export-result").hidden = true;
  const account = chosenAccount("pjs-export-account");
  const password = $("pjs-export-password").value;
  if (password !== $("pjs-export-repeat").value) throw new UserError("The two passwords differ. Type the same password twice.");
  const params = { session: state.session, scheme: account.scheme, path: account.path, password,
    name: account.name, ss58Format: account.ss58Format };
  if (account.passwordProtected) params.passphrase = true;
  if (account.identity !== null) params.identity = account.identity;
  const file = await rpc.call("account.exportEncrypted", params);
  downloadJson(file, `${fileNameOf(account.name)}.json`);
  showResult($("pjs-export-result"), `Downloaded the polkadot-js file of “${account.name}”.`);
  return `Exported “${account.name}”. Keep the file and its password apart.`;
}

async function importEncrypted() {
  $("pjs-import-result").hidden = true;
  const json = await readJsonFile($("pjs-import-file"), "polkadot-js account file");
  const password = $("pjs-import-password").value;
  const imported = await rpc.call("account.importEncrypted", { session: state.session, json, password });
  await refreshFeatures();
  const text = `Imported ${imported.address} onto the device as the seed “${imported.identity}”.`;
  showResult($("pjs-import-result"), text);
  return text;
}

function showResult(node, text) {
  node.textContent = text;
  node.hidden = false;
}

// ---- wiring -------------------------------------------------------------------------------

function onSubmit(formId, busyText, work, afterwards = () => {}) {
  const form = $(formId);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    perform(form.querySelector("button[type=submit]"), busyText, work).finally(afterwards);
  });
}

function onClick(buttonId, busyText, work, usesDevice = true) {
  const button = $(buttonId);
  button.addEventListener("click", () => perform(button, busyText, work, usesDevice));
}

function clearPasswords() {
  for (const id of ["pjs-export-password", "pjs-export-repeat", "pjs-import-password"]) $(id).value = "";
}

onClick("refresh-devices", "Looking for devices…", async () => {
  await loadDevices();
  return "";
}, false);
onClick("unlock", "Enter your PIN on the device…", unlock);
onClick("release", "Releasing the device…", release, false);
onClick("wipe", "Confirm the wipe on the device…", wipe);
onClick("backup-export", "Preparing the backup…", exportBackup, false);
onSubmit("setup-form", "Follow the device screen: write down the words it shows.", setup);
onSubmit("recover-form", "Type your recovery phrase on the device.", recover);
onSubmit("derive-form", "Making the account on the device…", derive);
onSubmit("sign-form", "Check the message on the device and confirm it there…", sign);
onSubmit("restore-form", "Checking every account of the backup on the device…", restoreBackup);
onSubmit("pjs-export-form", "Confirm the export on the device…", exportEncrypted, clearPasswords);
onSubmit("pjs-import-form", "Confirm the import on the device…", importEncrypted, clearPasswords);
$("chain-form").addEventListener("submit", (event) => {
  event.preventDefault();
  perform($("chain-add"), "Reading the metadata…", addChain, false);
});

// A signature shown under another account or message would be misread as theirs.
for (const id of ["sign-account", "sign-message"]) {
  $(id).addEventListener("input", () => {
    $("signature-box").hidden = true;
  });
}

let network = $("derive-network").value;
$("derive-network").addEventListener("change", () => {
  // Follow the network with the suggested path, unless the person typed their own.
  const path = $("derive-path");
  if (path.value === suggestedPath(Number(network))) path.value = suggestedPath(Number($("derive-network").value));
  network = $("derive-network").value;
});

rpc.on("device.attached", (device) => {
  state.devices.set(device.id, device);
  renderDevices();
});
rpc.on("device.detached", (device) => {
  state.devices.delete(device.id);
  if (device.id === state.deviceId) {
    dropSession();
    showError("The device was unplugged.");
  }
  renderDevices();
});
rpc.on("session.ended", (ended) => {
  if (ended.session !== state.session) return;
  dropSession();
  showError(ended.reason === "stolen" ? "Another app took the device over." : "The device was unplugged.");
});
rpc.on("device.prompt", (prompt) => {
  if (prompt.session === state.session) showPrompt(prompt);
});

for (const event of ["origin.pending", "origin.changed"]) {
  rpc.on(event, () => {
    loadSites().catch((error) => showError(describeError(error)));
  });
}

rpc.on("disconnected", () => {
  dropSession();
  setDevices([]);
  setConnection("Not connected to the hwbridge daemon; retrying…", "closed");
});
rpc.on("connected", async () => {
  try {
    const info = await rpc.call("bridge.info");
    setConnection(`Connected to ${info.name} ${info.version}`, "open");
    setDevices(await rpc.call("device.subscribe"));
    await loadAccounts();
    await loadChains();
    await loadSites();
  } catch (error) {
    showError(describeError(error));
  }
});

function connect() {
  rpc.connect(DAEMON_URL).catch(() => {
    // CONNECT_FAILED: the daemon is not there (yet); the line above the page says so.
    setConnection("Not connected to the hwbridge daemon; retrying…", "closed");
    setTimeout(connect, FIRST_CONNECT_RETRY_MS);
  });
}

renderDevices();
renderDevicePanel();
renderAccounts();
renderChains();
renderSites();
connect();
