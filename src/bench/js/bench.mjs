// The polkadot-js side of src/bench/run: times the same operations as the JMH benchmarks in
// src/bench/java (same keys, message, chain code, phrase and JSON file) with @polkadot/keyring and
// @polkadot/util-crypto 14.0.3 after cryptoWaitReady(), i.e. with the WASM backends polkadot-js
// itself uses (ed25519, secp256k1, blake2, scrypt, bip39) and @scure/sr25519 for sr25519.
//
// The metadata.* ids time RFC-0078 with @polkadot-api/merkleize-metadata 1.3.0 (and @polkadot/types
// 16.5.6 decoding a payload with the whole metadata) on MetadataBenchmark.java's inputs.
//
// Usage: node bench.mjs [--smoke] [id …]
// Prints one JSON object: {"node": version, "settings": {…}, "results": {id: {score, unit, …}}}
// where ids match src/bench/table.mjs and units are "ops/s" or "ms/op".
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a } from '@polkadot/util';
import {
  cryptoWaitReady,
  ed25519PairFromSeed, ed25519Sign, ed25519Verify,
  secp256k1PairFromSeed, secp256k1Sign, secp256k1Verify,
  sr25519DerivePublic, sr25519DeriveSoft, sr25519PairFromSeed, sr25519Sign, sr25519Verify
} from '@polkadot/util-crypto';

// Must equal BenchInputs.java: seed 32 × 0x2a, the message, chain code 0x10 ‖ 31 zeros, the phrase.
const SEED = new Uint8Array(32).fill(42);
const MESSAGE = stringToU8a('a 64-byte-ish transaction payload, as a wallet would send it.....');
const CHAIN_CODE = new Uint8Array(32);
CHAIN_CODE[0] = 0x10;
const PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const ADDRESS_PREFIX = 0;
const JSON_FILE = new URL('./fixtures/sr25519-account.json', import.meta.url);
const JSON_PASSWORD = 'hwbridge bench password';

const smoke = process.argv.includes('--smoke');
// Full: 2 s warm-up, 5 × 2 s measured. Smoke: just enough to prove every operation runs.
const settings = smoke
  ? { warmupMs: 50, iterations: 1, iterationMs: 100, addressCount: 10 }
  : { warmupMs: 2000, iterations: 5, iterationMs: 2000, addressCount: 1000 };

/** Calls fn repeatedly for about ms milliseconds; returns [calls, elapsed ms]. */
function runFor (fn, ms) {
  let calls = 0;
  const start = performance.now();
  let now = start;
  do {
    fn();
    calls++;
    now = performance.now();
  } while (now - start < ms);
  return [calls, now - start];
}

/**
 * Warm-up, then timed iterations; the score is calls × perCall / total seconds (ops/s), or the
 * mean milliseconds per call (ms/op). Each iteration's score is kept to show the spread.
 */
function measure (fn, { unit = 'ops/s', perCall = 1 } = {}) {
  runFor(fn, settings.warmupMs);
  const perIteration = [];
  let totalCalls = 0;
  let totalMs = 0;
  for (let i = 0; i < settings.iterations; i++) {
    const [calls, ms] = runFor(fn, settings.iterationMs);
    totalCalls += calls;
    totalMs += ms;
    perIteration.push(unit === 'ops/s' ? calls * perCall * 1000 / ms : ms / calls);
  }
  const score = unit === 'ops/s' ? totalCalls * perCall * 1000 / totalMs : totalMs / totalCalls;
  return { score, unit, perIteration, calls: totalCalls };
}

function check (condition, what) {
  if (!condition) {
    throw new Error(`bench self-check failed: ${what}`);
  }
}

await cryptoWaitReady();

const sr = sr25519PairFromSeed(SEED);
const ed = ed25519PairFromSeed(SEED);
const ec = secp256k1PairFromSeed(SEED);
const srSignature = sr25519Sign(MESSAGE, sr);
const edSignature = ed25519Sign(MESSAGE, ed);
const ecSignature = secp256k1Sign(MESSAGE, ec, 'blake2');
check(sr25519Verify(MESSAGE, srSignature, sr.publicKey), 'sr25519 signature verifies');
check(ed25519Verify(MESSAGE, edSignature, ed.publicKey), 'ed25519 signature verifies');
check(secp256k1Verify(MESSAGE, ecSignature, ec.publicKey, 'blake2'), 'ecdsa signature verifies');

const jsonFile = JSON.parse(readFileSync(JSON_FILE, 'utf8'));
const uris = Array.from({ length: settings.addressCount }, (_, i) => `${PHRASE}//polkadot//${i}`);

// What Keyring.addFromUri does per address: validate the phrase, bip39 mini-secret (PBKDF2-SHA512,
// 2048 rounds), sr25519 pair from seed, two hard derivations, then SS58 of the public key.
function addresses () {
  const keyring = new Keyring({ ss58Format: ADDRESS_PREFIX, type: 'sr25519' });
  let last;
  for (const uri of uris) {
    last = keyring.addFromUri(uri).address;
  }
  return last;
}

// What a wallet restoring a JSON v3 file does: createFromJson, then decodePkcs8 (scrypt N=2^17,
// r=8, p=1; xsalsa20-poly1305; pkcs8 decode).
function jsonDecrypt () {
  const keyring = new Keyring({ ss58Format: 42 });
  const pair = keyring.addFromJson(jsonFile);
  pair.decodePkcs8(JSON_PASSWORD);
  check(!pair.isLocked, 'the JSON file unlocks');
  return pair;
}

// RFC-0078 inputs, as MetadataBenchmark.java: Polkadot's metadata and the vectors' transfer payload.
const METADATA_FILE = new URL('../../vectors/metadata/polkadot-v15.scale.gz', import.meta.url);
const PROOFS_FILE = new URL('../../vectors/metadata/proofs.json', import.meta.url);
const PAYLOAD_CASE = 'polkadot-transfer-keep-alive';

/** Loaded only for the metadata rows, so that the other rows' node starts stay as they were. */
async function metadataInputs () {
  const { gunzipSync } = await import('node:zlib');
  const { merkleizeMetadata } = await import('@polkadot-api/merkleize-metadata');
  const metadata = gunzipSync(readFileSync(METADATA_FILE));
  const vector = JSON.parse(readFileSync(PROOFS_FILE, 'utf8')).find((c) => c.name === PAYLOAD_CASE);
  const token = { decimals: vector.decimals, tokenSymbol: vector.tokenSymbol };
  const merkleizer = merkleizeMetadata(metadata, token);
  const toHex = (bytes) => '0x' + Buffer.from(bytes).toString('hex');
  check(toHex(merkleizer.getProofForExtrinsicPayload(vector.payloadHex)) === vector.proofHex, 'the proof is the vector\'s');
  return { merkleizeMetadata, metadata, vector, token, merkleizer };
}

/** What a hot wallet does to show a payload: polkadot-js decodes it with the whole metadata. */
async function decodeWhole () {
  const { TypeRegistry, Metadata } = await import('@polkadot/types');
  const { metadata, vector } = await metadataInputs();
  // The blob is the runtime call's Option<bytes>: 0x01, a compact length (4 bytes here), the metadata.
  const registry = new TypeRegistry();
  registry.setMetadata(new Metadata(registry, metadata.subarray(5)));
  // polkadot-js reads the call of an ExtrinsicPayload with its length prefix, which the signed bytes lack.
  const { compactAddLength, hexToU8a, u8aConcat } = await import('@polkadot/util');
  const call = hexToU8a(vector.callHex);
  const bytes = u8aConcat(compactAddLength(call), hexToU8a(vector.payloadHex).subarray(call.length));
  const decode = () => {
    const payload = registry.createType('ExtrinsicPayload', bytes, { version: 4 });
    return { call: registry.createType('Call', payload.method).toHuman(), extensions: payload.toHuman() };
  };
  check(decode().call.method === 'transferKeepAlive', 'polkadot-js decodes the transfer');
  return measure(decode);
}

const benchmarks = {
  'sr25519.sign': () => measure(() => sr25519Sign(MESSAGE, sr)),
  'sr25519.verify': () => measure(() => sr25519Verify(MESSAGE, srSignature, sr.publicKey)),
  'sr25519.deriveSoft': () => measure(() => sr25519DeriveSoft(sr, CHAIN_CODE)),
  'sr25519.derivePublicSoft': () => measure(() => sr25519DerivePublic(sr.publicKey, CHAIN_CODE)),
  'ed25519.sign': () => measure(() => ed25519Sign(MESSAGE, ed)),
  'ed25519.verify': () => measure(() => ed25519Verify(MESSAGE, edSignature, ed.publicKey)),
  'ecdsa.sign': () => measure(() => secp256k1Sign(MESSAGE, ec, 'blake2')),
  'ecdsa.verify': () => measure(() => secp256k1Verify(MESSAGE, ecSignature, ec.publicKey, 'blake2')),
  'addresses': () => measure(addresses, { perCall: settings.addressCount }),
  'json.decrypt': () => measure(jsonDecrypt, { unit: 'ms/op' }),
  'metadata.digest': async () => {
    const { merkleizeMetadata, metadata, token } = await metadataInputs();
    return measure(() => merkleizeMetadata(metadata, token).digest(), { unit: 'ms/op' });
  },
  'metadata.proof': async () => {
    const { merkleizer, vector } = await metadataInputs();
    return measure(() => merkleizer.getProofForExtrinsicPayload(vector.payloadHex));
  },
  'metadata.decodeWhole': decodeWhole
};

// Ids on the command line measure only those (src/bench/run measures one row at a time).
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = only.filter((id) => !(id in benchmarks));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark id(s): ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}\n`);
  process.exit(2);
}
const results = {};
for (const [id, run] of Object.entries(benchmarks)) {
  if (only.length === 0 || only.includes(id)) {
    results[id] = await run();
  }
}
process.stdout.write(JSON.stringify({ node: process.version, settings, results }) + '\n');
