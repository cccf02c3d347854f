// Downloads and uploads of JSON files, all in the page: nothing is sent anywhere but the daemon.

import { UserError } from "./messages.js";

/** The biggest file the page reads; a backup of a thousand accounts stays far below it. */
const MAX_FILE_BYTES = 1 << 20;

/** Offers `value` as a JSON file named `fileName` through a Blob link. */
export function downloadJson(value, fileName) {
  const blob = new Blob([JSON.stringify(value, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the object URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The parsed JSON of the file chosen in `input`, or a UserError saying what is wrong. */
export async function readJsonFile(input, what) {
  const file = input.files?.[0];
  if (!file) {
    throw new UserError(`Choose the ${what} first.`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new UserError(`This file is too large to be a ${what}.`);
  }
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new UserError(`This file is not a ${what}: it does not hold JSON.`);
  }
}

/** The biggest metadata file: 2 MiB of bytes, or twice that as hex text (chain.addMetadata's bound). */
const MAX_METADATA_FILE_BYTES = 4 << 20;

/** The metadata in the file chosen in `input` as 0x-hex: the file holds it raw, or as 0x-hex text. */
export async function readMetadataFile(input) {
  const file = input.files?.[0];
  if (!file) {
    throw new UserError("Choose the metadata file first.");
  }
  if (file.size > MAX_METADATA_FILE_BYTES) {
    throw new UserError("This file is too large to be a chain's metadata.");
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0x30 && bytes[1] === 0x78) {
    const text = new TextDecoder().decode(bytes).trim();
    if (!/^0x([0-9a-fA-F]{2})+$/.test(text)) {
      throw new UserError("This file starts like hex text but is not 0x-hex.");
    }
    return text;
  }
  let hex = "0x";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** A file name made of the safe characters of `text`. */
export function fileNameOf(text) {
  const safe = String(text).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return safe === "" ? "account" : safe.slice(0, 64);
}

/** Today as YYYY-MM-DD, for file names. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}
