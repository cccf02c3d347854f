package dev.hwbridge.protocol.metadata;

/** Why metadata, a proof or a signing payload was refused. Stable names; never rename. */
public enum MetadataError {
    /** The input ends before the value being read does. */
    TRUNCATED,
    /** Bytes the format does not allow: an unknown enum tag, a bool other than 0/1, invalid UTF-8, a non-canonical compact, ids out of order. */
    MALFORMED,
    /** A length, count, size or nesting depth beyond the fixed bounds of this reader. */
    LIMIT_EXCEEDED,
    /** Not runtime metadata, or a version RFC-0078 does not cover (V14 and older, no extrinsic v4). */
    UNSUPPORTED_VERSION,
    /** Something RFC-0078 needs is absent: a constant, a pallet, a type of the registry, a signed extension. */
    MISSING_ITEM,
    /** A type reference the proof does not resolve: no leaf for the id, or no leaf for the enum variant in the data. */
    UNKNOWN_TYPE,
    /** Bytes left over after the whole value was read. */
    TRAILING_BYTES,
    /** The proof's leaves and hashes do not rebuild a tree: leaves never reached, or hashes missing or left over. */
    INVALID_PROOF,
    /** Well-formed, but the metadata hash computed from the proof is not the one the payload (or the caller) gives. */
    HASH_MISMATCH,
    /** The payload does not enable CheckMetadataHash (mode 0 or no hash in the signed data), so nothing binds the metadata. */
    HASH_NOT_ENABLED
}
