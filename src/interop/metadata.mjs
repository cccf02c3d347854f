// The live RFC-0078 reference for the interop tests: @polkadot-api/merkleize-metadata's digest
// and proofs, and fresh signing payloads built by polkadot-js. Prints one JSON line.
//
//   node metadata.mjs digest --metadata-file F --decimals N --token-symbol S
//   node metadata.mjs proof  --metadata-file F --decimals N --token-symbol S --payload-hex 0x…
//   node metadata.mjs cases  --metadata-file F --decimals N --token-symbol S --seed K --count C
//
// F holds the metadata raw, gzipped raw (name ends in .gz) or as 0x-hex text, bare or wrapped
// in the Option of Metadata_metadata_at_version. Bad usage or input: exit 2, one line on stderr.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { Chain, Rng, chainFacts, toHex } from './metadata-payloads.mjs';

const USAGE = 'usage: node metadata.mjs digest|proof|cases --metadata-file F --decimals N --token-symbol S'
  + ' [--payload-hex 0x…] [--seed K --count C]';

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = {};
  for (let i = 0; i < rest.length; i += 2) {
    if (!rest[i].startsWith('--') || rest[i + 1] === undefined) fail(USAGE);
    options[rest[i].slice(2)] = rest[i + 1];
  }
  const need = (name) => options[name] ?? fail(`missing --${name}; ${USAGE}`);
  const int = (name, min, max) => {
    const n = Number(need(name));
    if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  return { command, options, need, int };
}

function readMetadata(file) {
  let bytes = readFileSync(file);
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  const text = bytes.subarray(0, 2).toString('latin1') === '0x' ? bytes.toString('latin1').trim() : null;
  if (text !== null) {
    if (!/^0x([0-9a-fA-F]{2})*$/.test(text)) fail(`${file}: not valid 0x-hex`);
    bytes = Buffer.from(text.slice(2), 'hex');
  }
  return bytes;
}

// Random transfers (and batches of them where the chain has Utility) with random destination,
// amount, nonce, tip and era: payloads the Java side has never seen.
function randomCases(chain, file, seed, count) {
  const rng = new Rng(`hwbridge metadata interop ${seed}`);
  const transfer = () => {
    const dest = { Id: rng.hex(32) };
    const value = rng.big(1n, 10n ** BigInt(chain.decimals + 5));
    return rng.int(0, 1) === 0
      ? chain.tx.balances.transferKeepAlive(dest, value)
      : chain.tx.balances.transferAllowDeath(dest, value);
  };
  const feeAsset = () => {
    const type = chain.registry.lookup.getTypeDef(chain.assetIdType).type;
    if (rng.int(0, 2) !== 0) return null;
    if (type.includes('Location')) return { parents: 1, interior: 'Here' };
    if (type.includes('NativeOrWithId')) return { WithId: rng.int(0, 2 ** 32 - 1) };
    return null;
  };
  const cases = [];
  for (let i = 0; i < count; i++) {
    const batch = chain.tx.utility && rng.int(0, 2) === 0;
    const call = batch
      ? chain.tx.utility.batchAll(Array.from({ length: rng.int(1, 4) }, transfer))
      : transfer();
    const opts = {
      era: rng.int(0, 3) === 0 ? 'immortal' : { period: 2 ** rng.int(2, 16), current: rng.int(1, 30_000_000) },
      nonce: rng.int(0, 2 ** 32 - 1),
      tip: rng.int(0, 1) === 0 ? 0n : rng.big(1n, 10n ** BigInt(chain.decimals)),
      blockHash: rng.hex(32),
      assetId: chain.assetIdType ? feeAsset() : null
    };
    cases.push(chain.entry(`${batch ? 'batch' : 'transfer'}-${seed}-${i}`, basename(file), call, opts));
  }
  return cases;
}

function main() {
  const { command, options, need, int } = parseArgs(process.argv.slice(2));
  if (!['digest', 'proof', 'cases'].includes(command)) fail(USAGE);
  const file = need('metadata-file');
  const decimals = int('decimals', 0, 255);
  const tokenSymbol = need('token-symbol');
  const bytes = readMetadata(file);
  const refuse = (e) => fail(`${file}: ${e.message}`);
  let out;
  if (command === 'digest') {
    let merkleizer, facts;
    try {
      merkleizer = merkleizeMetadata(bytes, { decimals, tokenSymbol });
      facts = chainFacts(bytes);
    } catch (e) {
      refuse(e);
    }
    out = {
      metadataHash: toHex(merkleizer.digest()),
      specName: facts.specName,
      specVersion: facts.specVersion,
      base58Prefix: facts.base58Prefix,
      decimals,
      tokenSymbol
    };
  } else if (command === 'proof') {
    const payloadHex = need('payload-hex');
    if (!/^0x([0-9a-fA-F]{2})+$/.test(payloadHex)) fail('--payload-hex must be 0x-hex');
    let merkleizer;
    try {
      merkleizer = merkleizeMetadata(bytes, { decimals, tokenSymbol });
    } catch (e) {
      refuse(e);
    }
    let proof;
    try {
      proof = merkleizer.getProofForExtrinsicPayload(payloadHex);
    } catch (e) {
      fail(`payload does not decode with this metadata: ${e.message}`);
    }
    out = { proof: toHex(proof), metadataHash: toHex(merkleizer.digest()) };
  } else {
    let chain;
    try {
      // a dev chain's genesis hash is unknown here; any fixed 32 bytes do for its payloads
      chain = new Chain(bytes, { decimals, tokenSymbol, genesisHash: toHex(new Uint8Array(32).fill(0x11)) });
    } catch (e) {
      refuse(e);
    }
    out = randomCases(chain, file, need('seed'), int('count', 1, 1000));
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main();
