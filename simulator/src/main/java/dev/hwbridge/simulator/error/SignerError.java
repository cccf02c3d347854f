package dev.hwbridge.simulator.error;

/** Stable error codes of the signer core; never rename. */
public enum SignerError {
    /** A mnemonic word is not in the BIP39 English list (the message gives its position). */
    UNKNOWN_WORD,
    /** The mnemonic's word count is not 12, 15, 18, 21 or 24. */
    BAD_WORD_COUNT,
    /** The mnemonic's checksum does not match. */
    BAD_CHECKSUM,
    /** The secret part of a URI is neither a phrase nor a 0x seed nor a short string seed. */
    INVALID_SECRET,
    /** A derivation path that cannot be parsed, or a soft junction for a scheme without soft derivation. */
    INVALID_PATH,
    /** Malformed hex input. */
    INVALID_HEX,
    /** A public key, secret key or signature of the wrong length or form. */
    INVALID_KEY,
    /** An encrypted JSON that the given password does not open. */
    WRONG_PASSWORD,
    /** A malformed JSON account file (the message names the field). */
    INVALID_JSON,
    /** A JSON account file whose format or parameters we do not accept. */
    UNSUPPORTED_JSON,
    /** An encrypted JSON account file opened, or an export asked for, without a password. */
    PASSWORD_REQUIRED
}
