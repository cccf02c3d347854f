package dev.hwbridge.protocol.account;

/** Stable codes for malformed account vocabulary; clients match on these, never on messages. */
public enum FormatError {
    /** Not a {@code 0x}-prefixed, even-length hex string. */
    INVALID_HEX,
    /** Not an SS58 address: empty, a character outside the base58 alphabet, or a reserved first byte. */
    INVALID_ADDRESS,
    /** An SS58 prefix outside 0..16383, one of the reserved 46/47, or an unknown network name. */
    INVALID_PREFIX,
    /** The SS58 checksum does not match the payload. */
    BAD_CHECKSUM,
    /** A derivation path or junction that polkadot-js would refuse, or that exceeds our bounds. */
    INVALID_PATH,
    /** A byte string or encoded text of a length the format does not allow. */
    INVALID_LENGTH
}
