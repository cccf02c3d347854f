// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// No connection beyond this machine: without the background-networking flags Chromium keeps
// trying Google's services, which a closed network refuses.
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * A browser context in a fresh profile; `close()` also removes the profile. With `extension`
 * (a folder), that extension is loaded unpacked, as a person would with "Load unpacked".
 */
export async function launchChromium({ extension } = {}) {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(`${EXECUTABLE} is missing: install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const profile = mkdtempSync(join(tmpdir(), "hwbridge-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: EXECUTABLE,
      headless: true,
      args: extension === undefined ? ARGS
        : [...ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
      // Playwright turns extensions off by default.
      ignoreDefaultArgs: extension === undefined ? [] : ["--disable-extensions"],
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    return {
      context,
      async close() {
        try {
          await context.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
