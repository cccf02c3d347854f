// Builds extrinsic v4 signing payloads offline with polkadot-js from a chain's metadata, with
// CheckMetadataHash in mode 1, and their proofs with @polkadot-api/merkleize-metadata.
// Shared by metadata.mjs (the live reference of the interop tests) and
// ../vectors/metadata/generate.mjs (the committed vectors).
import { createHash } from 'node:crypto';
import { merkleizeMetadata, proof as proofCodec } from '@polkadot-api/merkleize-metadata';
import { getDynamicBuilder, getLookupFn } from '@polkadot-api/metadata-builders';
import { Tuple, decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import { Metadata, TypeRegistry, expandMetadata } from '@polkadot/types';
import { compactFromU8a, u8aToHex } from '@polkadot/util';

// The real chains' genesis hashes, by spec name, and the names the vectors use for the chains.
export const GENESIS = {
  polkadot: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
  kusama: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
  statemint: '0x68d56f15f85d3136970ec16946040bc1752654e906147f7e43e9d539d7c3de2f',
  statemine: '0x48239ef607d7928874027a43a67689209727dfb3d3dc5e5b03a39bdc2eda771a'
};
export const CHAIN_OF_SPEC = { statemint: 'asset-hub-polkadot', statemine: 'asset-hub-kusama', node: 'substrate' };

// specName, specVersion and SS58 prefix read as merkleizeMetadata reads them (its main.js),
// without its "V14 refused" check, so that refused metadata still says what it is.
export function chainFacts(bytes) {
  const metadata = unifyMetadata(decAnyMetadata(bytes));
  const { ss58Prefix, buildDefinition } = getDynamicBuilder(getLookupFn(metadata));
  const version = metadata.pallets.find((p) => p.name === 'System').constants.find((c) => c.name === 'Version');
  const { spec_name: specName, spec_version: specVersion } = buildDefinition(version.type).dec(version.value);
  return { metadata, specName, specVersion, base58Prefix: ss58Prefix, metadataVersion: metadata.version };
}

// Deterministic pseudo-random numbers: sha256(seed ‖ ":" ‖ counter), so the same seed gives
// the same vectors on every machine and Node version.
export class Rng {
  #seed;
  #counter = 0;
  constructor(seed) { this.#seed = String(seed); }
  bytes(n) {
    const out = [];
    while (out.length < n) out.push(...createHash('sha256').update(`${this.#seed}:${this.#counter++}`).digest());
    return Uint8Array.from(out.slice(0, n));
  }
  hex(n) { return u8aToHex(this.bytes(n)); }
  // uniform enough in [lo, hi] for test data (bigint)
  big(lo, hi) {
    const span = BigInt(hi) - BigInt(lo) + 1n;
    return BigInt(lo) + BigInt(u8aToHex(this.bytes(16))) % span;
  }
  int(lo, hi) { return Number(this.big(lo, hi)); }
  pick(list) { return list[this.int(0, list.length - 1)]; }
}

// Metadata_metadata_at_version answers Option<Vec<u8>> around RuntimeMetadataPrefixed ("meta",
// version, ...): 0x01, a compact length, the bytes. state_getMetadata gives the bare form, and so
// do the older metadata files. polkadot-js wants it bare.
export function unwrapMetadata(bytes) {
  const isBare = (b) => Buffer.from(b.subarray(0, 4)).toString('latin1') === 'meta';
  if (isBare(bytes)) return { bare: bytes, optionWrapped: false };
  const [offset, length] = compactFromU8a(bytes.subarray(1));
  const bare = bytes.subarray(1 + offset);
  if (bytes[0] !== 1 || bare.length !== length.toNumber() || !isBare(bare)) {
    throw new Error('neither RuntimeMetadataPrefixed nor Some(bytes) around it');
  }
  return { bare, optionWrapped: true };
}

export const toHex = u8aToHex;

export class Chain {
  // genesisHash: only for chains GENESIS does not know (a dev node).
  constructor(bytes, { decimals, tokenSymbol, genesisHash }) {
    this.decimals = decimals;
    this.tokenSymbol = tokenSymbol;
    this.merkleizer = merkleizeMetadata(bytes, { decimals, tokenSymbol });
    this.metadataHash = u8aToHex(this.merkleizer.digest());
    this.registry = new TypeRegistry();
    this.metadata = new Metadata(this.registry, unwrapMetadata(bytes).bare);
    this.registry.setMetadata(this.metadata, undefined, undefined, true);
    this.#typeExtensionsFromMetadata();
    const decorated = expandMetadata(this.registry, this.metadata);
    this.tx = decorated.tx;
    this.version = decorated.consts.system.version;
    this.specName = this.version.specName.toString();
    this.chain = CHAIN_OF_SPEC[this.specName] ?? this.specName;
    this.genesisHash = GENESIS[this.specName] ?? genesisHash;
    if (!this.genesisHash) throw new Error(`no genesis hash known for ${this.specName}`);
    this.papi = unifyMetadata(decAnyMetadata(bytes));
  }

  // polkadot-js types ChargeAssetTxPayment's asset id statically (Option<MultiLocation>, an older
  // XCM version) and does not know AuthorizeCall; take both from the metadata instead.
  #typeExtensionsFromMetadata() {
    const user = {};
    for (const ext of this.metadata.asLatest.extrinsic.transactionExtensions) {
      const id = ext.identifier.toString();
      if (id === 'ChargeAssetTxPayment') {
        const fields = this.registry.lookup.getSiType(ext.type).def.asComposite.fields;
        const assetId = fields.find((f) => f.name.toString() === 'asset_id');
        this.assetIdType = this.registry.createLookupType(assetId.type);
        user[id] = { extrinsic: { tip: 'Compact<Balance>', assetId: this.assetIdType }, payload: {} };
      } else if (id === 'AuthorizeCall') {
        user[id] = { extrinsic: {}, payload: {} };
      }
    }
    this.registry.setSignedExtensions(this.registry.signedExtensions, user);
  }

  // "Pallet.call_name" as the metadata spells them.
  callName(call) {
    const pallet = this.metadata.asLatest.pallets.find((p) => p.index.eq(call.callIndex[0]));
    return `${pallet.name.toString()}.${this.registry.findMetaCall(call.callIndex).meta.name.toString()}`;
  }

  era(eraSpec) {
    return eraSpec === 'immortal'
      ? this.registry.createType('ExtrinsicEra', new Uint8Array([0]))
      : this.registry.createType('ExtrinsicEra', { current: eraSpec.current, period: eraSpec.period });
  }

  // The unhashed signing payload: call ‖ extra ‖ additional signed.
  payload(call, { era, nonce, tip, blockHash, assetId = null }) {
    const fields = {
      method: call.toHex(),
      era: this.era(era),
      nonce,
      tip,
      specVersion: this.version.specVersion,
      transactionVersion: this.version.transactionVersion,
      genesisHash: this.genesisHash,
      blockHash: era === 'immortal' ? this.genesisHash : blockHash,
      mode: 1,
      metadataHash: this.metadataHash
    };
    if (this.assetIdType) fields.assetId = this.registry.createType(this.assetIdType, assetId);
    const payload = this.registry.createType('ExtrinsicPayload', fields, { version: 4 });
    const bytes = payload.toU8a({ method: true });
    this.#checkShape(bytes);
    return { bytes, fields };
  }

  // A second opinion on the payload: papi's decoders, built from the same metadata, must read
  // call, extra and additional signed and encode them back to exactly these bytes.
  #checkShape(bytes) {
    this.buildDefinition ??= getDynamicBuilder(getLookupFn(this.papi)).buildDefinition;
    const buildDefinition = this.buildDefinition;
    const exts = this.papi.extrinsic.extensionsByVersion[0];
    const ids = [this.papi.extrinsic.call, ...exts.map((e) => e.type), ...exts.map((e) => e.additionalSigned)];
    const codec = Tuple(...ids.map((id) => buildDefinition(id)));
    const again = codec.enc(codec.dec(bytes));
    if (u8aToHex(again) !== u8aToHex(bytes)) throw new Error('payload does not match the metadata');
  }

  proof(payloadBytes) {
    return this.merkleizer.getProofForExtrinsicPayload(payloadBytes);
  }

  // A proofs.json entry.
  entry(name, file, call, opts) {
    const { bytes, fields } = this.payload(call, opts);
    const proof = this.proof(bytes);
    const decoded = proofCodec.dec(proof);
    return {
      name,
      chain: this.chain,
      specName: this.specName,
      file,
      decimals: this.decimals,
      tokenSymbol: this.tokenSymbol,
      call: this.callName(call),
      callHex: call.toHex(),
      payloadHex: u8aToHex(bytes),
      proofHex: u8aToHex(proof),
      metadataHash: this.metadataHash,
      proofLeafCount: decoded.leaves.length,
      proofLeafIndices: decoded.leafIdxs,
      proofHashCount: decoded.proofs.length,
      callHuman: call.toHuman(),
      callPrimitive: call.toPrimitive(),
      extensions: {
        era: opts.era,
        eraHex: fields.era.toHex(),
        nonce: opts.nonce,
        tip: String(opts.tip),
        assetId: this.assetIdType ? fields.assetId.toHuman() : undefined,
        assetIdHex: this.assetIdType ? u8aToHex(fields.assetId.toU8a()) : undefined,
        mode: 1,
        specVersion: this.version.specVersion.toNumber(),
        transactionVersion: this.version.transactionVersion.toNumber(),
        genesisHash: fields.genesisHash,
        blockHash: fields.blockHash,
        metadataHash: this.metadataHash
      }
    };
  }
}
