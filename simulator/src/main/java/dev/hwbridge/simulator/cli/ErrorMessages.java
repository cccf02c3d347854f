package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.FormatError;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place where error codes of the signer core and of the shared formats become the text a
 * user reads. Each code has a fixed message; for the few codes whose detail says where the
 * problem is (a word position, a JSON field) the exception's own message is used instead, but only
 * if it repeats nothing the {@link SecretRedactor} remembers.
 */
final class ErrorMessages {

    private static final Map<SignerError, String> SIGNER = new EnumMap<>(SignerError.class);
    private static final Map<FormatError, String> FORMAT = new EnumMap<>(FormatError.class);
    private static final Set<SignerError> SIGNER_DETAIL = EnumSet.of(
            SignerError.UNKNOWN_WORD, SignerError.INVALID_PATH, SignerError.INVALID_JSON,
            SignerError.UNSUPPORTED_JSON);
    private static final Set<FormatError> FORMAT_DETAIL = EnumSet.of(FormatError.INVALID_PATH);

    static {
        SIGNER.put(SignerError.UNKNOWN_WORD, "a word of the secret phrase is not in the BIP39 English list");
        SIGNER.put(SignerError.BAD_WORD_COUNT, "a secret phrase has 12, 15, 18, 21 or 24 words");
        SIGNER.put(SignerError.BAD_CHECKSUM,
                "the checksum of the secret phrase does not match (a word is mistyped or out of place)");
        SIGNER.put(SignerError.INVALID_SECRET,
                "the secret URI starts with neither a BIP39 phrase nor a 0x seed of 32 bytes");
        SIGNER.put(SignerError.INVALID_PATH, "the derivation path of the secret URI is not valid for this scheme");
        SIGNER.put(SignerError.INVALID_HEX, "malformed hex (expected 0x and an even number of hex digits)");
        SIGNER.put(SignerError.INVALID_KEY, "a key or signature of the wrong length or form");
        SIGNER.put(SignerError.WRONG_PASSWORD, "the password does not open this JSON account file");
        SIGNER.put(SignerError.PASSWORD_REQUIRED, "a non-empty password is required");
        SIGNER.put(SignerError.INVALID_JSON, "the JSON account file is malformed");
        SIGNER.put(SignerError.UNSUPPORTED_JSON, "the JSON account file uses a format or parameters not supported");

        FORMAT.put(FormatError.INVALID_HEX, "malformed hex (expected 0x and an even number of hex digits)");
        FORMAT.put(FormatError.INVALID_ADDRESS, "not a valid SS58 address");
        FORMAT.put(FormatError.INVALID_PREFIX,
                "not a network prefix (expected polkadot, kusama, substrate or a number 0..16383)");
        FORMAT.put(FormatError.BAD_CHECKSUM, "the SS58 address checksum does not match");
        FORMAT.put(FormatError.INVALID_PATH, "the derivation path of the secret URI is not valid");
        FORMAT.put(FormatError.INVALID_LENGTH, "a key or address of the wrong length");
    }

    private ErrorMessages() {
    }

    static String of(SignerException e, SecretRedactor redactor) {
        String fixed = SIGNER.getOrDefault(e.code(), "the signer refused the input");
        return SIGNER_DETAIL.contains(e.code()) ? detailOr(e.getMessage(), fixed, redactor) : fixed;
    }

    static String of(FormatException e, SecretRedactor redactor) {
        String fixed = FORMAT.getOrDefault(e.code(), "malformed input");
        return FORMAT_DETAIL.contains(e.code()) ? detailOr(e.getMessage(), fixed, redactor) : fixed;
    }

    /**
     * Metadata, proofs and payloads are public, so the detail (an offset, a type id, a version) is
     * shown, after the stable code.
     */
    static String of(MetadataException e, SecretRedactor redactor) {
        return e.code() + ": " + detailOr(e.getMessage(), "refused", redactor);
    }

    private static String detailOr(String detail, String fixed, SecretRedactor redactor) {
        if (detail == null || detail.isBlank() || redactor.revealsSecret(detail)) {
            return fixed;
        }
        return detail.replaceAll("\\R", " ").strip();
    }
}
