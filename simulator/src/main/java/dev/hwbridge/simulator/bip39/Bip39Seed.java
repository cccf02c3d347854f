package dev.hwbridge.simulator.bip39;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The standard BIP39 seed, as Ledger devices and polkadot-js's {@code mnemonicToSeedSync} make
 * it: PBKDF2-HMAC-SHA512 over the NFKD phrase (words joined by single spaces), salt "mnemonic" +
 * NFKD password, 2048 rounds, 64 bytes. Unlike {@link MiniSecret}, the phrase's text is the input,
 * not its entropy. Stateless and thread-safe.
 */
public final class Bip39Seed {

    public static final int LENGTH = 64;
    private static final int ROUNDS = 2048;

    private Bip39Seed() {
    }

    /**
     * The 64-byte seed of a valid phrase.
     *
     * @throws dev.hwbridge.simulator.error.SignerException INVALID_SECRET when the phrase is no BIP39 mnemonic
     */
    public static byte[] of(String phrase, String password) {
        Objects.requireNonNull(phrase, "phrase");
        byte[] entropy = Mnemonic.toEntropy(phrase);
        Arrays.fill(entropy, (byte) 0);
        String words = String.join(" ", phrase.strip().split("[\\s\\p{Z}]+"));
        byte[] text = Normalizer.normalize(words, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        byte[] salt = Normalizer.normalize("mnemonic" + (password == null ? "" : password), Normalizer.Form.NFKD)
                .getBytes(StandardCharsets.UTF_8);
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
        generator.init(text, salt, ROUNDS);
        try {
            return ((KeyParameter) generator.generateDerivedParameters(LENGTH * 8)).getKey();
        } finally {
            Arrays.fill(text, (byte) 0);
            Arrays.fill(salt, (byte) 0);
        }
    }
}
