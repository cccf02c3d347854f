// Drives a Ledger Polkadot Generic app over Speculos's APDU port with the unmodified
// @zondax/ledger-substrate (PolkadotGenericApp) and @ledgerhq/hw-transport-node-speculos, and
// checks every answer with polkadot-js: keys against hdLedger / hdEthereum, signatures verified.
// The device's screen is answered through the simulator's automation API.
//   node ledger.mjs phrase                  prints a fresh 24-word phrase as JSON
//   node ledger.mjs run CASES.json          prints a JSON array of results, one per check
// CASES.json: {apduPort, automation, phrase, addresses: [{path, scheme, ss58, show}],
//   transactions: [{name, scheme, path, payloadHex, proofHex, answer: "confirm"|"reject"}],
//   raw: [{path, text}]}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cryptoWaitReady, hdLedger, hdEthereum, mnemonicGenerate, mnemonicToLegacySeed, blake2AsU8a,
  ed25519Verify, secp256k1Verify, ethereumEncode, encodeAddress, signatureVerify } from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a, stringToU8a, u8aWrapBytes } from '@polkadot/util';

// Their ES-module builds do not load under Node's own ESM resolver (extension-less imports):
// the CommonJS builds are the ones Node programs use.
const require = createRequire(import.meta.url);
const SpeculosTransport = require('@ledgerhq/hw-transport-node-speculos').default;
const { PolkadotGenericApp } = require('@zondax/ledger-substrate');

const [command, file] = process.argv.slice(2);
await cryptoWaitReady();
if (command === 'phrase') {
  console.log(JSON.stringify({ phrase: mnemonicGenerate(24) }));
  process.exit(0);
}
if (command !== 'run' || !file) {
  console.error('usage: node ledger.mjs phrase | run CASES.json');
  process.exit(2);
}

const cases = JSON.parse(readFileSync(file, 'utf8'));
const automation = cases.automation.replace(/\/?$/, '/');
const seed = mnemonicToLegacySeed(cases.phrase, '', false, 64);
const signedForm = (bytes) => (bytes.length > 256 ? blake2AsU8a(bytes, 256) : bytes);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function screen() {
  return (await fetch(`${automation}screen`)).json();
}
async function press(action) {
  const res = await fetch(`${automation}button`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action })
  });
  if (!res.ok) throw new Error(`button ${action}: ${res.status} ${await res.text()}`);
}
async function awaitPrompt() {
  for (let i = 0; i < 400; i++) {
    const s = await screen();
    if (s.input === 'confirm') return s;
    await sleep(25);
  }
  throw new Error('no prompt on the device screen');
}
// Confirms page after page until the page titled lastTitle; rejects the first one if asked.
async function answer(lastTitle, action) {
  const titles = [];
  for (;;) {
    const page = await awaitPrompt();
    titles.push(page.title);
    if (action === 'reject') {
      await press('reject');
      return titles;
    }
    await press('confirm');
    if (page.title === lastTitle) return titles;
  }
}

const transport = await SpeculosTransport.open({ apduPort: cases.apduPort });
const app = new PolkadotGenericApp(transport);
const results = [];
const check = async (what, body) => {
  try {
    results.push({ what, ...(await body()) });
  } catch (e) {
    results.push({ what, error: `${e.returnCode ?? ''} ${e.errorMessage ?? e.message ?? e}` });
  }
};

await check('version', async () => {
  const v = await app.getVersion();
  return { ok: v.major === 100, version: `${v.major}.${v.minor}.${v.patch}` };
});

for (const a of cases.addresses) {
  await check(`address ${a.scheme} ${a.path} ss58 ${a.ss58} show ${a.show}`, async () => {
    const call = a.scheme === 'ed25519' ? app.getAddressEd25519(a.path, a.ss58, a.show) : app.getAddressEcdsa(a.path, a.show);
    const shown = a.show ? answer('Verify address', 'confirm') : Promise.resolve([]);
    const [reply, pages] = await Promise.all([call, shown]);
    if (a.scheme === 'ed25519') {
      const pair = hdLedger(cases.phrase, a.path);
      const expected = encodeAddress(pair.publicKey, a.ss58);
      return { ok: reply.pubKey === u8aToHex(pair.publicKey).slice(2) && reply.address === expected,
        address: reply.address, expected, pages };
    }
    const pair = hdEthereum(seed, a.path);
    const expected = ethereumEncode(pair.publicKey).toLowerCase();
    return { ok: reply.pubKey === u8aToHex(pair.publicKey).slice(2) && `0x${reply.address}` === expected,
      address: `0x${reply.address}`, expected, pages };
  });
}

for (const t of cases.transactions) {
  await check(`sign ${t.name} ${t.scheme} ${t.path} ${t.answer}`, async () => {
    const payload = hexToU8a(t.payloadHex);
    const proof = hexToU8a(t.proofHex);
    const call = t.scheme === 'ed25519'
      ? app.signWithMetadataEd25519(t.path, payload, proof)
      : app.signWithMetadataEcdsa(t.path, payload, proof);
    const settled = call.then((r) => ({ r }), (e) => ({ e }));
    const pages = await answer('Sign transaction', t.answer);
    const { r, e } = await settled;
    if (t.answer === 'reject') {
      return { ok: !r && e.returnCode === 0x6986, returnCode: e?.returnCode, pages };
    }
    if (e) throw e;
    const signature = new Uint8Array(r.signature);
    if (t.scheme === 'ed25519') {
      const pair = hdLedger(cases.phrase, t.path);
      return { ok: signature.length === 65 && signature[0] === 0
        && ed25519Verify(signedForm(payload), signature.subarray(1), pair.publicKey), pages };
    }
    const pair = hdEthereum(seed, t.path);
    // keccak: polkadot-js recovers the key and compares the Ethereum address it hashes to
    const address = hexToU8a(ethereumEncode(pair.publicKey));
    return { ok: signature.length === 65 && secp256k1Verify(signedForm(payload), signature, address, 'keccak'), pages };
  });
}

for (const m of cases.raw) {
  await check(`sign raw ed25519 ${m.path}`, async () => {
    const wrapped = u8aWrapBytes(stringToU8a(m.text));
    const call = app.signRawEd25519(m.path, wrapped);
    const [r, pages] = await Promise.all([call, answer('Sign message', 'confirm')]);
    const signature = new Uint8Array(r.signature);
    const pair = hdLedger(cases.phrase, m.path);
    // polkadot-js's own check of a signRaw signature (the message, wrapped or not); a wrapped
    // message over 256 bytes is signed as its blake2b-256, as the app signs long payloads
    const verified = wrapped.length > 256
      ? ed25519Verify(signedForm(wrapped), signature.subarray(1), pair.publicKey)
      : signatureVerify(stringToU8a(m.text), signature.subarray(1), pair.publicKey).isValid;
    return { ok: signature[0] === 0 && verified, pages };
  });
}

await transport.close();
console.log(JSON.stringify(results));
