// Transaction payloads as polkadot-js hands them to a Signer, built without chain metadata, and
// the bytes @polkadot/types itself says must be signed for them.

import { TypeRegistry } from '@polkadot/types';
import { compactAddLength, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, randomAsHex } from '@polkadot/util-crypto';

/** Polkadot's genesis hash. */
export const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

/** The signed extensions of the Polkadot relay chain runtime, in its order. */
export const POLKADOT_EXTENSIONS = Object.freeze([
  'CheckNonZeroSender',
  'CheckSpecVersion',
  'CheckTxVersion',
  'CheckGenesis',
  'CheckMortality',
  'CheckNonce',
  'CheckWeight',
  'ChargeTransactionPayment',
  'PrevalidateAttests',
  'CheckMetadataHash'
]);

const BALANCES = 0x05;
const TRANSFER_ALLOW_DEATH = 0x00;
const TRANSFER_KEEP_ALIVE = 0x03;
const SYSTEM = 0x00;
const REMARK = 0x00;

/** Balances.transfer_keep_alive(dest, value), encoded as a Polkadot runtime call. */
export function transferKeepAlive (registry, dest, value) {
  return transfer(registry, TRANSFER_KEEP_ALIVE, dest, value);
}

/** Balances.transfer_allow_death(dest, value). */
export function transferAllowDeath (registry, dest, value) {
  return transfer(registry, TRANSFER_ALLOW_DEATH, dest, value);
}

function transfer (registry, call, dest, value) {
  const address = registry.createType('MultiAddress', { Id: decodeAddress(dest) });
  const amount = registry.createType('Compact<Balance>', value);
  return u8aToHex(u8aConcat([BALANCES, call], address.toU8a(), amount.toU8a()));
}

/** System.remark(bytes): a call as long as we like. */
export function remark (bytes) {
  return u8aToHex(u8aConcat([SYSTEM, REMARK], compactAddLength(bytes)));
}

/**
 * A SignerPayloadJSON, as `SignerPayload.toPayload()` writes one for the Polkadot extension set:
 * numbers as hex, the era encoded, Options as hex or null.
 */
export function signerPayload (registry, { address, method, nonce, tip = 0n, blockNumber, immortal = false, metadataHash = null }) {
  const era = immortal
    ? registry.createType('ExtrinsicEra', new Uint8Array([0]))
    : registry.createType('ExtrinsicEra', { current: blockNumber, period: 64 });
  return {
    address,
    assetId: null,
    blockHash: randomAsHex(32),
    blockNumber: registry.createType('BlockNumber', blockNumber).toHex(),
    era: era.toHex(),
    genesisHash: POLKADOT_GENESIS,
    metadataHash,
    method,
    mode: metadataHash === null ? 0 : 1,
    nonce: registry.createType('Compact<Index>', nonce).toHex(),
    signedExtensions: [...POLKADOT_EXTENSIONS],
    specVersion: registry.createType('u32', 1_006_001).toHex(),
    tip: registry.createType('Compact<Balance>', tip).toHex(),
    transactionVersion: registry.createType('u32', 26).toHex(),
    version: 4,
    withSignedTransaction: false
  };
}

/** A registry with no metadata, as an extension starts from. */
export function newRegistry () {
  return new TypeRegistry();
}

/**
 * What @polkadot/types signs for `payload`: the ExtrinsicPayload bytes (method unprefixed), or
 * their blake2b-256 when longer than 256 bytes. Returns {bytes, signed}.
 */
export function signingBytes (payload) {
  const registry = new TypeRegistry();
  // As the polkadot-js extension does before encoding a payload it was handed.
  registry.setSignedExtensions(payload.signedExtensions);
  const bytes = registry.createType('ExtrinsicPayload', payload, { version: payload.version }).toU8a({ method: true });
  return { bytes, signed: bytes.length > 256 ? blake2AsU8a(bytes) : bytes };
}
