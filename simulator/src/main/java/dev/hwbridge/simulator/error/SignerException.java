package dev.hwbridge.simulator.error;

/**
 * A failure of the signer core, with a stable code. The message names what is wrong (a word
 * position, a field, a parameter) and never repeats a secret: no phrase, seed, key or password.
 */
public final class SignerException extends RuntimeException {

    private final SignerError code;

    public SignerException(SignerError code, String message) {
        super(message);
        this.code = code;
    }

    public SignerException(SignerError code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public SignerError code() {
        return code;
    }
}
