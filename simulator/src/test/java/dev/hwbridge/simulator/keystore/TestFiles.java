package dev.hwbridge.simulator.keystore;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58Prefix;
import java.util.Arrays;

/** Account files made with the cheapest accepted scrypt parameters, so tests stay fast. */
final class TestFiles {

    /** In the accepted set and a quarter of the default's cost. */
    static final ScryptParams CHEAP = new ScryptParams(32768, 1, 8);

    private TestFiles() {
    }

    static String export(KeyScheme scheme, byte[] secret, byte[] publicKey, byte[] password) {
        byte[] salt = new byte[32];
        byte[] nonce = new byte[24];
        Arrays.fill(salt, (byte) 7);
        Arrays.fill(nonce, (byte) 9);
        return JsonKeystore.export(scheme, secret, publicKey, password, "test", Ss58Prefix.POLKADOT,
                new JsonKeystore.ExportParameters(salt, nonce, CHEAP, 1_700_000_000_000L));
    }

    /** The dev phrase's sr25519 key from the vectors. */
    static byte[] sr25519Secret() {
        return Vectors.hex("/jsonExports/sr25519/decryptedBreakdown/secretKey");
    }

    static byte[] sr25519PublicKey() {
        return Vectors.hex("/jsonExports/sr25519/publicKey");
    }
}
