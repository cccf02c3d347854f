// Shared plumbing of the interop scripts: read a JSON array of cases from the file named by the
// first argument, run one async function per case, print a JSON array of results on stdout.
// A case that throws yields {"error": message} so the Java test can say which case failed and why;
// anything wrong with the file itself exits non-zero.
import { readFileSync } from 'node:fs';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export async function runCases (handle) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node <script> <cases.json>\n');
    process.exit(2);
  }
  const cases = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(cases)) {
    throw new Error('the cases file must hold a JSON array');
  }
  // The WASM backends (ed25519, secp256k1, scrypt, blake2) must be ready, or the JS fallbacks are used.
  await cryptoWaitReady();
  const results = [];
  for (const c of cases) {
    try {
      results.push(await handle(c));
    } catch (e) {
      results.push({ error: String(e && e.message ? e.message : e) });
    }
  }
  process.stdout.write(JSON.stringify(results) + '\n');
}
