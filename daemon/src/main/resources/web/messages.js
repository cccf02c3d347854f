// Everything the page says about errors, device prompts and networks, in words a person
// understands. Error names and reasons are the stable ones of daemon/API.md, and the client's
// own (hwbridge.js); a daemon test checks that every name of both has its sentence here.

import { HwbridgeError } from "./hwbridge.js";

/** A problem the page itself found (a file that is not JSON, passwords that differ, …). */
export class UserError extends Error {}

const ERRORS = {
  PARSE_ERROR: "The daemon could not read what this page sent. Reload the page and try again.",
  INVALID_REQUEST: "The daemon did not accept this page's request. Reload the page and try again.",
  METHOD_NOT_FOUND: "The daemon does not offer this action: it may be older than this page.",
  INVALID_PARAMS: "Something entered here is not valid.",
  INTERNAL_ERROR: "The daemon ran into a problem of its own; its log has the details. Please try again.",
  BUSY: "Another app is using this device. Finish there, or take the device over.",
  NO_SESSION: "This page no longer holds the device: it was released or taken over by another app. Choose the device again.",
  DEVICE_GONE: "The device is no longer connected. Plug it in again and choose it from the list.",
  USER_REJECTED: "You rejected this on the device, so nothing was done.",
  LOCKED: "The device is locked. Press Unlock, then enter your PIN on the device.",
  NOT_INITIALIZED: "The device holds no recovery phrase yet. Set it up as a new device, or recover your recovery phrase on it first.",
  ALREADY_INITIALIZED: "The device already holds a recovery phrase. Wipe it first if you really mean to replace it.",
  TIMEOUT: "The device waited too long for an answer. Try again and answer on the device.",
  CANCELLED: "This was cancelled before it finished: the device was released or taken over, or the connection closed.",
  PIN_INVALID: "That PIN was wrong. Press Unlock to try again.",
  WIPED: "Too many wrong PINs: the device erased itself. Recover your recovery phrase on it to use it again.",
  INVALID_PATH: "The device cannot use this derivation path with this key type. Soft steps (/name) work only with sr25519, and a password never goes into the path: tick the password box instead.",
  INVALID_PAYLOAD: "The device cannot sign this: the message is malformed or too large.",
  INVALID_BACKUP: "This file is not a valid hwbridge backup.",
  WRONG_PASSWORD: "The password does not open this account file.",
  INVALID_JSON: "This is not a polkadot-js account file that hwbridge can read.",
  UNKNOWN_IDENTITY: "The device holds no seed of that name.",
  UNKNOWN_ACCOUNT: "This account is not in the account list, or it belongs to another recovery phrase than the one on this device.",
  DEVICE_ERROR: "The device answered in a way hwbridge does not understand. Unplug it, plug it in again and retry.",
  RATE_LIMITED: "Too many requests at once. Wait a moment and try again.",
  METADATA_MISMATCH: "The transaction does not match the chain's metadata, so nothing was signed. Add the chain's current metadata (Chains) and try again.",
  BLIND_SIGNING_DISABLED: "The device refuses transactions it cannot show in full. Add the chain's metadata (Chains), or turn blind signing on in the device settings.",
  UNSUPPORTED: "This device does not do that: a Ledger sets up, recovers, wipes and backs up its seed on the Ledger itself.",
  APP_NOT_OPEN: "Open the Polkadot app on your Ledger, then try again.",
  ORIGIN_NOT_APPROVED: "This site is not approved to use hwbridge. Approve it on the wallet page or in the extension.",
  METADATA_OUTDATED: "The chain's runtime was upgraded: add its new metadata (Chains), then sign again.",
  // The client's own: the connection, not the daemon, ended the call.
  CONNECTION_LOST: "The page lost its connection to the hwbridge daemon before it answered, so this may or may not have been done. The page reconnects by itself.",
  NOT_CONNECTED: "The page is not connected to the hwbridge daemon. Is the daemon still running? The page reconnects by itself.",
  CLIENT_CLOSED: "The page closed its connection to the hwbridge daemon. Reload the page.",
  CONNECT_FAILED: "The page cannot reach the hwbridge daemon. Is it still running? The page keeps trying.",
  BAD_RESPONSE: "The daemon answered in a way this page does not understand: it may be of another version. Reload the page.",
};

/** The form labels of the parameters the daemon may name in data.field. */
const FIELDS = {
  wordCount: "Number of words",
  label: "Device name",
  name: "Account name",
  path: "Derivation path",
  scheme: "Key type",
  ss58Format: "Network",
  password: "Password",
  json: "Account file",
  document: "Backup file",
  address: "Account",
  addresses: "Account",
  "signerPayload.data": "Message",
};

/** One or two sentences for any error, never a stack or raw JSON. */
export function describeError(error) {
  if (error instanceof UserError) {
    return error.message;
  }
  if (!(error instanceof HwbridgeError)) {
    return "Something went wrong in this page. Reload it and try again.";
  }
  const name = error.name;
  const data = error.data ?? {};
  if (name === "NOT_INITIALIZED" && data.hint === "device.recover") {
    return "The device holds no recovery phrase. Recover the backup's recovery phrase on the device first, then restore again.";
  }
  const sentence = ERRORS[name] ?? "The daemon refused this, for a reason this page does not know.";
  const field = data.field;
  if (typeof field === "string" && (name === "INVALID_PARAMS" || name === "INVALID_PAYLOAD" || name === "INVALID_PATH")) {
    return `${sentence} Check “${FIELDS[field] ?? field}”.`;
  }
  if (name === "INVALID_BACKUP" && typeof data.pointer === "string") {
    return `${sentence} The first problem is at ${data.pointer} in the file.`;
  }
  return sentence;
}

const REASONS = {
  differentSeed: "made from another recovery phrase than the one on the device",
  keyDiffers: "the device makes another key there (a mistyped password?)",
  noPath: "the file does not say where on the device the key is",
  rejected: "you rejected it on the device",
  deviceRefused: "the device refused its path or key type",
};

/** Why one account of a backup was not restored. */
export function describeMismatch(reason) {
  return REASONS[reason] ?? "it did not match";
}

const PROMPT_HINTS = {
  confirm: "Check the device screen, then press Confirm or Reject on the device.",
  pin: "Enter the PIN on the device.",
  word: "Type the word on the device, never on this page.",
  password: "Type the password on the device.",
  text: "Type the text on the device.",
};

/** What the person should do for a device.prompt of this kind. */
export function promptHint(kind) {
  return PROMPT_HINTS[kind] ?? "Follow the device screen.";
}

const NETWORKS = { 0: "Polkadot", 2: "Kusama", 42: "Any Substrate chain" };

/** A network's name from its SS58 format. */
export function networkName(ss58Format) {
  return NETWORKS[ss58Format] ?? `SS58 format ${ss58Format}`;
}

/** The derivation path the form suggests for a network. */
export function suggestedPath(ss58Format) {
  return { 0: "//polkadot//0", 2: "//kusama//0" }[ss58Format] ?? "//0";
}
