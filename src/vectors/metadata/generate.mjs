// Writes the RFC-0078 reference vectors beside this file: the metadata blobs (*.scale.gz),
// digests.json and proofs.json. Deterministic: same packages (package-lock.json) -> same bytes.
// Run: npm ci && node generate.mjs
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { getDynamicBuilder, getLookupFn } from '@polkadot-api/metadata-builders';
import { Blake3256, decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import { compactFromU8a, u8aToHex } from '@polkadot/util';

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
export const BLOBS = [
  { file: 'polkadot-v15.scale.gz', source: 'v15/polkadot', chain: 'polkadot', decimals: 10, tokenSymbol: 'DOT' },
  { file: 'kusama-v15.scale.gz', source: 'v15/kusama', chain: 'kusama', decimals: 12, tokenSymbol: 'KSM' },
  { file: 'asset-hub-polkadot-v15.scale.gz', source: 'v15/asset-hub-polkadot', chain: 'asset-hub-polkadot', decimals: 10, tokenSymbol: 'DOT' },
  { file: 'asset-hub-kusama-v15.scale.gz', source: 'v15/asset-hub-kusama', chain: 'asset-hub-kusama', decimals: 12, tokenSymbol: 'KSM' },
  { file: 'substrate-v15.scale.gz', source: 'v15/substrate', chain: 'substrate', decimals: 12, tokenSymbol: 'UNIT' },
  { file: 'substrate-v16.scale.gz', source: 'v16/substrate', chain: 'substrate', decimals: 12, tokenSymbol: 'UNIT' },
  { file: 'kusama-v14.scale.gz', source: 'v14/kusama', chain: 'kusama', decimals: 12, tokenSymbol: 'KSM' }
];

export async function blobHex(source) {
  return (await import(`@polkadot/types-support/metadata/${source}-hex`)).default;
}

const hex = (u8) => u8aToHex(u8);

// The runtime call Metadata_metadata_at_version answers Option<Vec<u8>>: 0x01, a compact length,
// then RuntimeMetadataPrefixed ("meta", version). The older files hold the bare form.
function optionWrapped(bytes) {
  if (bytes.subarray(0, 4).toString('latin1') === 'meta') return false;
  const [offset, length] = compactFromU8a(bytes.subarray(1));
  const inner = bytes.subarray(1 + offset);
  if (bytes[0] !== 1 || inner.length !== length.toNumber() || inner.subarray(0, 4).toString('latin1') !== 'meta') {
    throw new Error('neither RuntimeMetadataPrefixed nor Some(bytes) around it');
  }
  return true;
}

// specName, specVersion and SS58 prefix as the library reads them (main.js), without its
// "V14 refused" check, so that refused blobs still say what they are.
function chainFacts(bytes) {
  const metadata = unifyMetadata(decAnyMetadata(bytes));
  const { ss58Prefix, buildDefinition } = getDynamicBuilder(getLookupFn(metadata));
  const version = metadata.pallets.find((p) => p.name === 'System').constants.find((c) => c.name === 'Version');
  const { spec_name: specName, spec_version: specVersion } = buildDefinition(version.type).dec(version.value);
  return { metadata, specName, specVersion, base58Prefix: ss58Prefix, metadataVersion: metadata.version };
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
    firstLeavesHex: leaves.slice(0, 5).map(hex),
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
    optionWrapped: optionWrapped(bytes),
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
    const bare = bytes.subarray(1 + compactFromU8a(bytes.subarray(1))[0]);
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
