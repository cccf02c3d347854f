package dev.hwbridge.simulator.keys;

import static dev.hwbridge.simulator.keys.PolkadotJsVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {

    private static final byte[] DEV_SEED = bytes(PolkadotJsVectors.ROOT.get("constants").get("DEV_SEED"));
    private static final BigInteger SECP256K1_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void derivingTheEmptyPathGivesAnIndependentCopy(KeyScheme scheme) {
        try (KeyPair root = Keys.fromSeed(scheme, DEV_SEED)) {
            KeyPair copy = Keys.derive(root, DerivationPath.empty());
            assertThat(copy).isNotSameAs(root);
            assertThat(copy.publicKey()).isEqualTo(root.publicKey());
            copy.close();
            // Closing the copy leaves the root usable.
            assertThat(root.sign(new byte[] {1})).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void closedPairRefusesSecretOperations(KeyScheme scheme) {
        KeyPair pair = Keys.fromSeed(scheme, DEV_SEED);
        byte[] publicKey = pair.publicKey();
        pair.close();
        assertThat(pair.publicKey()).isEqualTo(publicKey);
        assertThatThrownBy(() -> pair.sign(new byte[] {1})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(pair::pkcs8Secret).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void aPairClosedBeforeItsPublicKeyWasNeededNeverComputesIt(KeyScheme scheme) {
        try (KeyPair root = Keys.fromSeed(scheme, DEV_SEED)) {
            // Deriving a child needs no public key of the parent (sr25519 soft junctions aside).
            KeyPair child = root.derive(Junction.parse("polkadot", true));
            child.close();
            assertThatThrownBy(child::publicKey).isInstanceOf(IllegalStateException.class);
            assertThat(child.toString()).endsWith("[closed]");
        }
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void toStringShowsNoSecret(KeyScheme scheme) {
        try (KeyPair pair = Keys.fromSeed(scheme, DEV_SEED)) {
            String secretHex = Hex.toHex(pair.pkcs8Secret()).substring(2, 18);
            assertThat(pair.toString()).contains(Hex.toHex(pair.publicKey()).substring(2))
                    .doesNotContain(secretHex).doesNotContain(Hex.toHex(DEV_SEED).substring(2, 18));
        }
    }

    @Test
    void softPathIsRefusedForHardOnlySchemesBeforeAnyDerivation() {
        DerivationPath path = DerivationPath.parse("//a/b//c");
        for (KeyScheme scheme : new KeyScheme[] {KeyScheme.ED25519, KeyScheme.ECDSA}) {
            try (KeyPair root = Keys.fromSeed(scheme, DEV_SEED)) {
                assertThatThrownBy(() -> Keys.derive(root, path))
                        .isInstanceOf(SignerException.class)
                        .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_PATH);
            }
        }
    }

    @Test
    void ed25519Pkcs8SecretMayBeABareSeedButNotAForeignPublicKey() {
        try (KeyPair pair = Keys.fromSeed(KeyScheme.ED25519, DEV_SEED)) {
            byte[] secret = pair.pkcs8Secret();
            try (KeyPair fromSeed = Keys.fromPkcs8Secret(KeyScheme.ED25519, DEV_SEED)) {
                assertThat(fromSeed.pkcs8Secret()).isEqualTo(secret);
            }
            secret[63] ^= 1;
            assertThatThrownBy(() -> Keys.fromPkcs8Secret(KeyScheme.ED25519, secret))
                    .isInstanceOf(SignerException.class)
                    .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void pkcs8SecretOfTheWrongLengthIsRefused(KeyScheme scheme) {
        for (int length : new int[] {0, 31, 33, 63, 65}) {
            assertThatThrownBy(() -> Keys.fromPkcs8Secret(scheme, new byte[length]))
                    .isInstanceOf(SignerException.class)
                    .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_KEY);
        }
        assertThatThrownBy(() -> Keys.fromPkcs8Secret(scheme, null))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_KEY);
    }

    @Test
    void ecdsaKeyOutsideTheGroupIsRefused() {
        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, SECP256K1_ORDER, SECP256K1_ORDER.add(BigInteger.ONE)}) {
            byte[] seed = BigIntegers.asUnsignedByteArray(32, value);
            assertThatThrownBy(() -> Keys.fromSeed(KeyScheme.ECDSA, seed))
                    .isInstanceOf(SignerException.class)
                    .hasMessageNotContaining(value.toString(16))
                    .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_KEY);
        }
        byte[] largest = BigIntegers.asUnsignedByteArray(32, SECP256K1_ORDER.subtract(BigInteger.ONE));
        try (KeyPair pair = Keys.fromSeed(KeyScheme.ECDSA, largest)) {
            assertThat(pair.publicKey()).hasSize(33);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void seedOfTheWrongLengthIsRefused(KeyScheme scheme) {
        assertThatThrownBy(() -> Keys.fromSeed(scheme, new byte[31]))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_KEY);
    }

    @Test
    void callerSeedArrayIsNotKeptByThePair() {
        byte[] seed = DEV_SEED.clone();
        try (KeyPair pair = Keys.fromSeed(KeyScheme.ED25519, seed)) {
            java.util.Arrays.fill(seed, (byte) 0);
            assertThat(Hex.toHex(pair.pkcs8Secret())).startsWith(Hex.toHex(DEV_SEED));
        }
    }
}
