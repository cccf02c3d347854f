// Starts the real simulator and daemon jars as processes, waits for their ready lines, keeps
// their output in target/logs, and stops them on every way out of the test process.

import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const TARGET = fileURLToPath(new URL("../target/", import.meta.url));
const BUILD = "./mvnw -B -ntp -o -q -DskipTests -Dinterop.skip=true package";
const READY_TIMEOUT_MS = 60000;
const STOP_TIMEOUT_MS = 10000;

const running = new Set();

/** The jar at `relative` (from the repository root); a clear error when it was not built. */
export function jar(relative) {
  const path = join(REPO_ROOT, relative);
  if (!existsSync(path)) {
    throw new Error(`${relative} is missing: build the jars first, from the repository root: ${BUILD}`);
  }
  return path;
}

/**
 * Runs `java -jar jarPath ...args` and resolves with the match of `ready` on its stdout, or
 * rejects (naming the log file) when it exits or stays silent too long.
 */
export function startJava(name, jarPath, args, ready) {
  const logs = join(TARGET, "logs");
  mkdirSync(logs, { recursive: true });
  const logFile = join(logs, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn("java", ["-jar", jarPath, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.on("exit", () => running.delete(child));
  child.stderr.pipe(log, { end: false });
  return new Promise((resolve, reject) => {
    let stdout = "";
    const fail = (why) => {
      clearTimeout(timer);
      reject(new Error(`${name} did not start: ${why}; see ${logFile}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    child.on("error", (error) => fail(`cannot run java (${error.code ?? error.message})`));
    child.on("exit", (code, signal) => fail(`it exited (${signal ?? `status ${code}`})`));
    child.stdout.on("data", (chunk) => {
      log.write(chunk);
      stdout += chunk;
      const match = ready.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        child.on("exit", () => running.delete(child));
        resolve({ child, match });
      }
    });
  });
}

/** Stops every process this module started: SIGTERM, then SIGKILL for one that lingers. */
export async function stopAll() {
  await Promise.all([...running].map((child) => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const kill = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  })));
}

// Last resorts: an uncaught error or a signal must not leave a JVM behind.
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    stopAll().finally(() => process.exit(130));
  });
}
