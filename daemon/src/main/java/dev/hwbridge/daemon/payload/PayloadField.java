package dev.hwbridge.daemon.payload;

/**
 * The members of an extrinsic signing payload after the call, named as polkadot-js
 * {@code ExtrinsicPayloadV4} names its struct fields (and as {@code SignerPayloadJSON} names the
 * values that feed them).
 */
enum PayloadField {
    /** {@code ExtrinsicEra}: 0x00 (immortal) or two bytes (mortal). */
    ERA("era"),
    /** {@code Compact<Index>}. */
    NONCE("nonce"),
    /** {@code Compact<Balance>}. */
    TIP("tip"),
    /** {@code Option<TAssetConversion>}, given as the hex of its whole SCALE encoding. */
    ASSET_ID("assetId"),
    /** {@code u8}: CheckMetadataHash's mode, 0 disabled or 1 enabled. */
    MODE("mode"),
    /** {@code u32}. */
    SPEC_VERSION("specVersion"),
    /** {@code u32}. */
    TRANSACTION_VERSION("transactionVersion"),
    /** {@code Hash}: 32 bytes. */
    GENESIS_HASH("genesisHash"),
    /** {@code Hash}: 32 bytes, the era's checkpoint block. */
    BLOCK_HASH("blockHash"),
    /** {@code Option<[u8;32]>}. */
    METADATA_HASH("metadataHash");

    private final String member;

    PayloadField(String member) {
        this.member = member;
    }

    /** The {@code SignerPayloadJSON} member. */
    String member() {
        return member;
    }
}
