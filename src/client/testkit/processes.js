// Starts the real simulator and daemon jars as child processes for the end-to-end tests, reads
// their ready lines, and makes sure no child outlives the test process on any exit path.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SIMULATOR_JAR = join(REPO, 'simulator', 'target', 'simulator.jar');
export const DAEMON_JAR = join(REPO, 'daemon', 'target', 'hwbridge.jar');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

const children = new Set();
const dirs = new Set();

function killAll () {
  for (const child of children) {
    child.kill('SIGKILL');
  }
  children.clear();
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
  dirs.clear();
}

// A test file that throws or is interrupted must not leave JVMs behind.
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/** Fails with a message that says how to build the jars when one is missing. */
export function requireJars () {
  const missing = [SIMULATOR_JAR, DAEMON_JAR].filter((jar) => !existsSync(jar));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(' and ')}: build the jars first, from the repository root:\n` +
      '  ./mvnw -B -ntp -DskipTests package');
  }
}

/** A temporary directory, removed by `remove()` or, at the latest, when the process exits. */
export function tempDir (prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(dir);
  return {
    dir,
    remove: () => {
      dirs.delete(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/**
 * Runs `java -jar jar ...args` and resolves once a stdout line matches `ready`, with the match.
 * The returned `stop()` sends SIGTERM, waits for the exit (SIGKILL after a while) and resolves.
 */
function startJava (name, jar, args, ready) {
  const child = spawn('java', ['-jar', jar, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-8192);
  });
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => {
    children.delete(child);
    resolveExit({ code, signal });
  }));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  const started = new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      rejectStart(new Error(`${name} printed no ready line within ${READY_TIMEOUT_MS} ms; stderr:\n${stderr}`));
    }, READY_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      let newline;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline).trim();
        stdout = stdout.slice(newline + 1);
        const match = ready.exec(line);
        if (match !== null) {
          clearTimeout(timer);
          resolveStart(match);
        }
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      rejectStart(new Error(`cannot start ${name} (is java on the PATH?): ${error.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rejectStart(new Error(`${name} exited (${code ?? signal}) before it was ready; stderr:\n${stderr}`));
    });
  });
  return started.then((match) => ({ match, stop, stderr: () => stderr }), async (error) => {
    await stop();
    throw error;
  });
}

/**
 * The simulator, in memory only, set up with `mnemonic` (written to a temporary file that is
 * removed once the simulator has read it). Resolves to {udp, automation, stop}.
 */
export async function startSimulator (mnemonic) {
  const secrets = tempDir('hwbridge-sim-');
  const file = join(secrets.dir, 'mnemonic');
  writeFileSync(file, mnemonic, { mode: 0o600 });
  try {
    const { match, stop } = await startJava('the simulator', SIMULATOR_JAR,
      ['run', '--ephemeral', '--port', '0', '--automation-port', '0', '--mnemonic-file', file],
      /^hwbridge simulator ready: udp ([0-9.]+:\d+), automation (http:\/\/\S+?)\/?$/);
    return { udp: match[1], automation: match[2], stop };
  } finally {
    secrets.remove();
  }
}

/** The daemon on a free port, using the simulator at `udp` only, with its own data directory. */
export async function startDaemon (udp) {
  const data = tempDir('hwbridge-daemon-');
  try {
    const { match, stop, stderr } = await startJava('the daemon', DAEMON_JAR,
      ['--port', '0', '--simulator', udp, '--data-dir', data.dir, '--no-usb'],
      /^hwbridge listening on (ws:\/\/\S+)$/);
    return {
      url: match[1],
      dataDir: data.dir,
      stderr,
      stop: async () => {
        await stop();
        data.remove();
      }
    };
  } catch (error) {
    data.remove();
    throw error;
  }
}
