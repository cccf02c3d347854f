package dev.hwbridge.simulator.bip39;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The substrate-bip39 mini-secret: PBKDF2-HMAC-SHA512 over the mnemonic's <em>entropy</em> (not
 * the phrase, unlike standard BIP39), salt "mnemonic" + password, 2048 rounds, first 32 bytes.
 * Stateless and thread-safe.
 */
public final class MiniSecret {

    public static final int LENGTH = 32;
    private static final int ROUNDS = 2048;
    private static final int OUTPUT_BITS = 512;
    private static final byte[] SALT_PREFIX = "mnemonic".getBytes(StandardCharsets.US_ASCII);

    private MiniSecret() {
    }

    /**
     * The 32-byte mini-secret. The password is used as given (UTF-8, not normalised), as
     * polkadot-js does; null means no password.
     */
    public static byte[] fromEntropy(byte[] entropy, String password) {
        byte[] passwordBytes = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        try {
            return fromEntropy(entropy, passwordBytes);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /** As {@link #fromEntropy(byte[], String)}, with the password already UTF-8 encoded. */
    public static byte[] fromEntropy(byte[] entropy, byte[] passwordUtf8) {
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(passwordUtf8, "passwordUtf8");
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new SignerException(SignerError.INVALID_SECRET,
                    "BIP39 entropy has 16, 20, 24, 28 or 32 bytes, not " + entropy.length);
        }
        byte[] salt = new byte[SALT_PREFIX.length + passwordUtf8.length];
        System.arraycopy(SALT_PREFIX, 0, salt, 0, SALT_PREFIX.length);
        System.arraycopy(passwordUtf8, 0, salt, SALT_PREFIX.length, passwordUtf8.length);
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
        generator.init(entropy, salt, ROUNDS);
        byte[] output = ((KeyParameter) generator.generateDerivedParameters(OUTPUT_BITS)).getKey();
        try {
            return Arrays.copyOf(output, LENGTH);
        } finally {
            Arrays.fill(output, (byte) 0);
            Arrays.fill(salt, (byte) 0);
        }
    }
}
