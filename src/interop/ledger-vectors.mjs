// Writes ../vectors/ledger.json: keys and signatures of Ledger's Polkadot Generic app as
// polkadot-js derives and makes them (hdLedger for ed25519, hdEthereum over the BIP39 seed for
// ecdsa, the seed being mnemonicToLegacySeed(phrase, '', false, 64); payloads over 256 bytes signed as their blake2b-256; ecdsa over keccak-256).
// Run from src/interop after `npm ci`: node ledger-vectors.mjs
import { writeFileSync } from 'node:fs';
import { cryptoWaitReady, hdLedger, hdEthereum, mnemonicToLegacySeed, blake2AsU8a, ed25519Sign,
  secp256k1Sign, ethereumEncode, encodeAddress } from '@polkadot/util-crypto';
import { u8aToHex, stringToU8a } from '@polkadot/util';

await cryptoWaitReady();

const PHRASES = [
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  'bottom drive obey lake curtain smoke basket hold race lonely fit walk',
  'equip will roof matter pink blind book anxiety banner elbow sun young',
  'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote'
];
const PATHS = [[0, 0, 0], [0, 0, 1], [1, 0, 0], [5, 1, 7], [2147483647, 0, 3]];
const SHORT = stringToU8a('<Bytes>hwbridge ledger vector</Bytes>');
const LONG = new Uint8Array(300).map((_, i) => (i * 7) & 0xff);

const hashed = (m) => (m.length > 256 ? blake2AsU8a(m, 256) : m);
const path = ([a, c, i]) => `m/44'/354'/${a}'/${c}'/${i}'`;

const vectors = [];
for (const phrase of PHRASES) {
  const seed = mnemonicToLegacySeed(phrase, '', false, 64);
  for (const p of PATHS) {
    const ed = hdLedger(phrase, path(p));
    const ec = hdEthereum(seed, path(p));
    vectors.push({
      phrase,
      path: path(p),
      bip39Seed: u8aToHex(seed),
      ed25519: {
        publicKey: u8aToHex(ed.publicKey),
        address0: encodeAddress(ed.publicKey, 0),
        address42: encodeAddress(ed.publicKey, 42),
        signatureShort: u8aToHex(ed25519Sign(hashed(SHORT), ed)),
        signatureLong: u8aToHex(ed25519Sign(hashed(LONG), ed))
      },
      ecdsa: {
        publicKey: u8aToHex(ec.publicKey),
        ethereumAddress: ethereumEncode(ec.publicKey).toLowerCase(),
        signatureShort: u8aToHex(secp256k1Sign(hashed(SHORT), { secretKey: ec.secretKey }, 'keccak')),
        signatureLong: u8aToHex(secp256k1Sign(hashed(LONG), { secretKey: ec.secretKey }, 'keccak'))
      }
    });
  }
}
const doc = {
  generator: 'src/interop/ledger-vectors.mjs with @polkadot/util-crypto 14.0.3',
  messageShort: u8aToHex(SHORT),
  messageLong: u8aToHex(LONG),
  vectors
};
writeFileSync(new URL('../vectors/ledger.json', import.meta.url), JSON.stringify(doc, null, 2) + '\n');
console.log(`${vectors.length} vectors`);
