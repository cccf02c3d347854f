package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;

/** Maps the signer core's error codes to the protocol's Failure codes. Stateless. */
final class FailureCodes {

    private FailureCodes() {
    }

    static Failure.Code of(SignerError error) {
        return switch (error) {
            case INVALID_PATH -> Failure.Code.INVALID_PATH;
            case WRONG_PASSWORD, PASSWORD_REQUIRED -> Failure.Code.WRONG_PASSWORD;
            case INVALID_JSON, INVALID_KEY -> Failure.Code.INVALID_JSON;
            case UNSUPPORTED_JSON -> Failure.Code.UNSUPPORTED_JSON;
            case UNKNOWN_WORD, BAD_WORD_COUNT, BAD_CHECKSUM, INVALID_SECRET, INVALID_HEX -> Failure.Code.INVALID_REQUEST;
        };
    }

    /** The Failure for {@code e}; its message names a field or position, never a secret. */
    static FlowFailure failure(SignerException e) {
        return new FlowFailure(of(e.code()), e.getMessage(), e);
    }
}
