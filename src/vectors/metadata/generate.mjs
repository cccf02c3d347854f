// Writes the RFC-0078 reference vectors beside this file: the metadata blobs (*.scale.gz),
// digests.json and proofs.json. Deterministic: same packages (package-lock.json) -> same bytes.
// Run: (cd ../../interop && npm ci) && npm ci && node generate.mjs
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { Blake3256 } from '@polkadot-api/substrate-bindings';
// Shared with the live reference (src/interop/metadata.mjs); its packages come from
// src/interop/node_modules, so `npm ci` there first.
import { Chain, Rng, chainFacts, toHex as hex, unwrapMetadata } from '../../interop/metadata-payloads.mjs';

// The library's internal modules: not exported, so loaded by file (the package's "exports" map
// would refuse the bare specifiers). Used only for the debug fields of digests.json, and checked
// against the library's own digest() below.
const dist = new URL('./node_modules/@polkadot-api/merkleize-metadata/dist/', import.meta.url);
const { getAccessibleTypes } = await import(new URL('get-accessible-types.js', dist));
const { getLookup } = await import(new URL('get-lookup.js', dist));
const { compactTypeRefs } = await import(new URL('utils.js', dist));
const { extrinsicMetadata, lookupType, metadataDigest } = await import(new URL('codecs.js', dist));

const here = new URL('./', import.meta.url);

// decimals/tokenSymbol as the chains' wallets use them; asset hubs use their relay chain's token.
const BLOBS = [
  { file: 'polkadot-v15.scale.gz', source: 'v15/polkadot', chain: 'polkadot', decimals: 10, tokenSymbol: 'DOT' },
  { file: 'kusama-v15.scale.gz', source: 'v15/kusama', chain: 'kusama', decimals: 12, tokenSymbol: 'KSM' },
  { file: 'asset-hub-polkadot-v15.scale.gz', source: 'v15/asset-hub-polkadot', chain: 'asset-hub-polkadot', decimals: 10, tokenSymbol: 'DOT' },
  { file: 'asset-hub-kusama-v15.scale.gz', source: 'v15/asset-hub-kusama', chain: 'asset-hub-kusama', decimals: 12, tokenSymbol: 'KSM' },
  { file: 'substrate-v15.scale.gz', source: 'v15/substrate', chain: 'substrate', decimals: 12, tokenSymbol: 'UNIT' },
  { file: 'substrate-v16.scale.gz', source: 'v16/substrate', chain: 'substrate', decimals: 12, tokenSymbol: 'UNIT' },
  { file: 'kusama-v14.scale.gz', source: 'v14/kusama', chain: 'kusama', decimals: 12, tokenSymbol: 'KSM' }
];

async function blobHex(source) {
  return (await import(`@polkadot/types-support/metadata/${source}-hex`)).default;
}

// The intermediate values of merkleizeMetadata (main.js builds them in closures it does not
// expose): the same few lines of glue around the library's own modules.
function internals(metadata, facts, decimals, tokenSymbol) {
  const definitions = new Map(metadata.lookup.map((t) => [t.id, t]));
  const accessible = getAccessibleTypes(metadata, definitions);
  const getPrimitive = (id) => {
    const { def: { tag, value } } = definitions.get(id);
    if (tag === 'primitive') return value.tag;
    if ((tag !== 'composite' && tag !== 'tuple') || value.length > 1) throw new Error('not a primitive');
    return value.length === 0 ? null : getPrimitive(tag === 'tuple' ? value[0] : value[0].type);
  };
  const getTypeRef = (id) => {
    const { def } = definitions.get(id);
    if (def.tag === 'primitive') return { tag: def.value.tag, value: undefined };
    if (def.tag === 'compact') return { tag: compactTypeRefs[getPrimitive(def.value)], value: undefined };
    return accessible.has(id) ? { tag: 'perId', value: accessible.get(id) } : { tag: 'void', value: undefined };
  };
  const extrinsic = {
    version: 4,
    addressTy: getTypeRef(metadata.extrinsic.address),
    callTy: getTypeRef(metadata.extrinsic.call),
    signatureTy: getTypeRef(metadata.extrinsic.signature),
    signedExtensions: metadata.extrinsic.extensionsByVersion[0].map((se) => ({
      identifier: se.identifier,
      includedInExtrinsic: getTypeRef(se.type),
      includedInSignedData: getTypeRef(se.additionalSigned)
    }))
  };
  const leaves = getLookup(definitions, accessible, getTypeRef, getPrimitive).map(lookupType.enc);
  const tree = new Array(leaves.length * 2 - 1);
  leaves.forEach((leaf, i) => { tree[leaves.length - 1 + i] = Blake3256(leaf); });
  for (let i = tree.length - 2; i > 0; i -= 2) tree[(i - 1) / 2] = Blake3256(new Uint8Array([...tree[i], ...tree[i + 1]]));
  const extrinsicEncoded = extrinsicMetadata.enc(extrinsic);
  const digest = Blake3256(metadataDigest.enc({
    tag: 'V1',
    value: {
      typeInformationTreeRoot: tree[0],
      extrinsicMetadataHash: Blake3256(extrinsicEncoded),
      specVersion: facts.specVersion,
      specName: facts.specName,
      base58Prefix: facts.base58Prefix,
      decimals,
      tokenSymbol
    }
  }));
  return {
    digest: hex(digest),
    typeTreeRoot: hex(tree[0]),
    extrinsicMetadataHash: hex(Blake3256(extrinsicEncoded)),
    accessibleTypeCount: accessible.size,
    leafCount: leaves.length,
    firstLeavesHex: leaves.slice(0, 5).map((leaf) => hex(leaf)),
    lastLeafHex: hex(leaves[leaves.length - 1]),
    extrinsicMetadataHex: hex(extrinsicEncoded)
  };
}

async function digestEntry(blob) {
  const bytesHex = await blobHex(blob.source);
  const bytes = Buffer.from(bytesHex.slice(2), 'hex');
  writeFileSync(new URL(blob.file, here), gzipSync(bytes, { level: 9 }));
  const facts = chainFacts(bytes);
  const entry = {
    file: blob.file,
    chain: blob.chain,
    source: `@polkadot/types-support/metadata/${blob.source}-hex.js`,
    metadataVersion: facts.metadataVersion,
    optionWrapped: unwrapMetadata(bytes).optionWrapped,
    sizeBytes: bytes.length,
    decimals: blob.decimals,
    tokenSymbol: blob.tokenSymbol,
    specName: facts.specName,
    specVersion: facts.specVersion,
    base58Prefix: facts.base58Prefix
  };
  try {
    entry.metadataHash = hex(merkleizeMetadata(bytes, { decimals: blob.decimals, tokenSymbol: blob.tokenSymbol }).digest());
  } catch (e) {
    entry.error = e.message;
    return entry;
  }
  if (entry.optionWrapped) {
    const { bare } = unwrapMetadata(bytes);
    const bareHash = hex(merkleizeMetadata(bare, { decimals: blob.decimals, tokenSymbol: blob.tokenSymbol }).digest());
    if (bareHash !== entry.metadataHash) throw new Error(`${blob.file}: the bare form hashes differently`);
  }
  const debug = internals(facts.metadata, facts, blob.decimals, blob.tokenSymbol);
  if (debug.digest !== entry.metadataHash) throw new Error(`${blob.file}: debug fields disagree with digest()`);
  delete debug.digest;
  return { ...entry, ...debug };
}

const json = (value) => JSON.stringify(value, null, 2) + '\n';

const digests = [];
for (const blob of BLOBS) digests.push(await digestEntry(blob));
writeFileSync(new URL('digests.json', here), json(digests));
console.log(`digests.json: ${digests.length} blobs`);

// ---- proofs.json: signing payloads of a spread of calls and their proofs ----

// Block heights of the right order for each chain, so the mortal eras look like real ones.
const HEIGHT = { polkadot: 28_000_000, kusama: 30_000_000, 'asset-hub-polkadot': 9_000_000, 'asset-hub-kusama': 10_500_000, substrate: 1_000 };

const rng = new Rng('hwbridge RFC-0078 proofs v1');
const chains = {};
async function chain(file) {
  if (chains[file]) return chains[file];
  const blob = BLOBS.find((b) => b.file === file);
  const bytes = Buffer.from((await blobHex(blob.source)).slice(2), 'hex');
  return (chains[file] = new Chain(bytes, { ...blob, genesisHash: blob.chain === 'substrate' ? rng.hex(32) : undefined }));
}

const ONE = (decimals) => 10n ** BigInt(decimals);
const account = () => rng.hex(32);
const amount = (c, maxUnits) => rng.big(ONE(c.decimals) / 100n, ONE(c.decimals) * BigInt(maxUnits));
const extras = (c, more = {}) => ({
  era: { period: rng.pick([32, 64, 128, 256]), current: HEIGHT[c.chain] + rng.int(0, 1_000_000) },
  nonce: rng.int(0, 2000),
  tip: 0n,
  blockHash: rng.hex(32),
  ...more
});

const proofs = [];
async function add(name, file, build, more) {
  const c = await chain(file);
  const call = build(c);
  proofs.push(c.entry(name, file, call, extras(c, more)));
}

const DOT = 'polkadot-v15.scale.gz';
const KSM = 'kusama-v15.scale.gz';
const AHP = 'asset-hub-polkadot-v15.scale.gz';
const AHK = 'asset-hub-kusama-v15.scale.gz';

// the same transfer three ways: mortal without tip, mortal with tip, immortal with tip
{
  const dest = account();
  const value = amount(await chain(DOT), 500);
  await add('polkadot-transfer-keep-alive', DOT, (c) => c.tx.balances.transferKeepAlive({ Id: dest }, value));
  await add('polkadot-transfer-keep-alive-tip', DOT, (c) => c.tx.balances.transferKeepAlive({ Id: dest }, value),
    { tip: 1_234_567n });
  await add('polkadot-transfer-keep-alive-tip-immortal', DOT, (c) => c.tx.balances.transferKeepAlive({ Id: dest }, value),
    { tip: 25_000_000n, era: 'immortal' });
}
await add('polkadot-transfer-allow-death', DOT, (c) => c.tx.balances.transferAllowDeath({ Id: account() }, amount(c, 20000)));
await add('polkadot-staking-bond', DOT, (c) => c.tx.staking.bond(amount(c, 5000), 'Staked'));
await add('polkadot-staking-bond-to-account', DOT, (c) => c.tx.staking.bond(amount(c, 5000), { Account: account() }));
await add('polkadot-staking-nominate', DOT, (c) => c.tx.staking.nominate([account(), account(), account()].map((Id) => ({ Id }))));
await add('polkadot-proxy-transfer', DOT, (c) =>
  c.tx.proxy.proxy({ Id: account() }, 'Any', c.tx.balances.transferKeepAlive({ Id: account() }, amount(c, 100))));
await add('polkadot-system-remark-300', DOT, (c) => c.tx.system.remark(rng.hex(300)));
await add('polkadot-xcm-transfer-assets-v4', DOT, (c) => c.tx.xcmPallet.transferAssets(
  { V4: { parents: 0, interior: { X1: [{ Parachain: 1000 }] } } },
  { V4: { parents: 0, interior: { X1: [{ AccountId32: { network: null, id: account() } }] } } },
  { V4: [{ id: { parents: 0, interior: 'Here' }, fun: { Fungible: amount(c, 300) } }] },
  0,
  'Unlimited'));
await add('polkadot-xcm-limited-teleport-v5', DOT, (c) => c.tx.xcmPallet.limitedTeleportAssets(
  { V5: { parents: 0, interior: { X1: [{ Parachain: 1000 }] } } },
  { V5: { parents: 0, interior: { X1: [{ AccountId32: { network: 'Polkadot', id: account() } }] } } },
  { V5: [{ id: { parents: 0, interior: 'Here' }, fun: { Fungible: amount(c, 300) } }] },
  0,
  { Limited: { refTime: 4_000_000_000, proofSize: 300_000 } }));
await add('kusama-transfer-keep-alive', KSM, (c) => c.tx.balances.transferKeepAlive({ Id: account() }, amount(c, 50)));
await add('kusama-batch-all-transfers', KSM, (c) => c.tx.utility.batchAll([
  c.tx.balances.transferKeepAlive({ Id: account() }, amount(c, 10)),
  c.tx.balances.transferAllowDeath({ Id: account() }, amount(c, 10)),
  c.tx.balances.transferKeepAlive({ Id: account() }, amount(c, 10))
]), { tip: 1_000_000_000n });
const USDT = { parents: 0, interior: { X2: [{ PalletInstance: 50 }, { GeneralIndex: 1984 }] } };
await add('asset-hub-polkadot-assets-transfer-keep-alive-fee-in-usdt', AHP, (c) =>
  c.tx.assets.transferKeepAlive(1984, { Id: account() }, rng.big(1_000_000n, 5_000_000_000n)), { assetId: USDT });
await add('asset-hub-polkadot-transfer-keep-alive', AHP, (c) =>
  c.tx.balances.transferKeepAlive({ Id: account() }, amount(c, 100)));
await add('asset-hub-kusama-foreign-assets-transfer-dot', AHK, (c) => c.tx.foreignAssets.transfer(
  { parents: 2, interior: { X1: [{ GlobalConsensus: 'Polkadot' }] } }, { Id: account() }, rng.big(10n ** 8n, 10n ** 12n)));
await add('asset-hub-kusama-foreign-assets-transfer-parachain-asset-fee-in-asset', AHK, (c) => c.tx.foreignAssets.transfer(
  { parents: 1, interior: { X2: [{ Parachain: 2125 }, { GeneralIndex: 0 }] } }, { Id: account() }, rng.big(10n ** 8n, 10n ** 14n)),
  { assetId: { parents: 1, interior: { X2: [{ Parachain: 2125 }, { GeneralIndex: 0 }] } }, tip: 5_000n });
await add('substrate-v15-transfer-keep-alive', 'substrate-v15.scale.gz', (c) =>
  c.tx.balances.transferKeepAlive({ Id: account() }, amount(c, 1000)));
await add('substrate-v16-transfer-keep-alive', 'substrate-v16.scale.gz', (c) =>
  c.tx.balances.transferKeepAlive({ Id: account() }, amount(c, 1000)));

writeFileSync(new URL('proofs.json', here), json(proofs));
console.log(`proofs.json: ${proofs.length} payloads`);
for (const p of proofs) console.log(`  ${p.name}: ${p.call}, payload ${(p.payloadHex.length - 2) / 2} B, proof ${(p.proofHex.length - 2) / 2} B`);
