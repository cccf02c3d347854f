package dev.hwbridge.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.keys.sr25519.WitnessRng;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class KeysProperties {

    private static final BigInteger SECP256K1_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    @Property(tries = 60)
    void derivingAPathEqualsDerivingItsJunctionsInTurn(@ForAll KeyScheme scheme,
            @ForAll("seeds") byte[] seed, @ForAll("junctionLists") List<Junction> junctions) {
        assumeUsable(scheme, seed);
        List<Junction> usable = scheme.supportsSoftDerivation() ? junctions
                : junctions.stream().map(j -> Junction.parse(j.text(), true)).toList();
        DerivationPath path = new DerivationPath(usable);

        try (KeyPair root = rootWithZeroWitness(scheme, seed); KeyPair whole = Keys.derive(root, path)) {
            KeyPair current = Keys.derive(root, DerivationPath.empty());
            for (Junction junction : usable) {
                KeyPair next = current.derive(junction);
                current.close();
                current = next;
            }
            try (KeyPair stepwise = current) {
                assertThat(whole.publicKey()).isEqualTo(stepwise.publicKey());
                // With a zero witness even a soft-derived sr25519 nonce is reproducible.
                assertThat(whole.pkcs8Secret()).isEqualTo(stepwise.pkcs8Secret());
            }
            // The same key through a secret URI with the seed in hex (sr25519 nonces random there).
            try (KeyPair viaUri = Keys.fromUri(scheme, SecretUri.parse(Hex.toHex(seed) + path))) {
                assertThat(viaUri.publicKey()).isEqualTo(whole.publicKey());
            }
        }
    }

    @Property(tries = 200)
    void signatureVerifiesAndAFlippedBitDoesNot(@ForAll KeyScheme scheme, @ForAll("seeds") byte[] seed,
            @ForAll @Size(max = 300) byte[] message, @ForAll("bitIndexes") int bit) {
        assumeUsable(scheme, seed);
        try (KeyPair pair = Keys.fromSeed(scheme, seed)) {
            byte[] publicKey = pair.publicKey();
            byte[] signature = pair.sign(message);
            assertThat(Signatures.verify(scheme, publicKey, message, signature)).isTrue();

            // Only r ‖ s (the first 64 bytes) is signed material; ecdsa's recovery byte is not checked.
            byte[] badSignature = signature.clone();
            badSignature[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Signatures.verify(scheme, publicKey, message, badSignature)).isFalse();

            if (message.length > 0) {
                byte[] badMessage = message.clone();
                badMessage[(bit / 8) % message.length] ^= (byte) (1 << (bit % 8));
                assertThat(Signatures.verify(scheme, publicKey, badMessage, signature)).isFalse();
            }
            if (scheme == KeyScheme.ECDSA) {
                assertEcdsaSignatureIsLowSAndRecoversTheKey(publicKey, message, signature);
            }
        }
    }

    @Property(tries = 100)
    void ed25519AndEcdsaSigningIsDeterministic(@ForAll("seeds") byte[] seed, @ForAll byte[] message) {
        assumeUsable(KeyScheme.ECDSA, seed);
        for (KeyScheme scheme : new KeyScheme[] {KeyScheme.ED25519, KeyScheme.ECDSA}) {
            try (KeyPair pair = Keys.fromSeed(scheme, seed)) {
                assertThat(pair.sign(message)).isEqualTo(pair.sign(message));
            }
        }
    }

    private static void assertEcdsaSignatureIsLowSAndRecoversTheKey(byte[] publicKey, byte[] message,
            byte[] signature) {
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        assertThat(s).isLessThanOrEqualTo(SECP256K1_ORDER.shiftRight(1));
        assertThat((int) signature[64]).isBetween(0, 3);
        assertThat(Secp256k1.recover(Blake2b.hash256(message), r, s, signature[64])).isEqualTo(publicKey);
    }

    private static KeyPair rootWithZeroWitness(KeyScheme scheme, byte[] seed) {
        return scheme == KeyScheme.SR25519 ? Sr25519Keys.fromMiniSecret(seed, WitnessRng.zero())
                : Keys.fromSeed(scheme, seed);
    }

    /** An ecdsa private key must lie in [1, n); random 32 bytes almost always do, jqwik's edge cases not. */
    private static void assumeUsable(KeyScheme scheme, byte[] seed) {
        if (scheme == KeyScheme.ECDSA) {
            BigInteger value = new BigInteger(1, seed);
            Assume.that(value.signum() > 0 && value.compareTo(SECP256K1_ORDER) < 0);
        }
    }

    @Provide
    Arbitrary<byte[]> seeds() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    @Provide
    Arbitrary<Integer> bitIndexes() {
        return Arbitraries.integers().between(0, 64 * 8 - 1);
    }

    @Provide
    Arbitrary<List<Junction>> junctionLists() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ').ofMinLength(1).ofMaxLength(40)
                        .filter(t -> !t.isBlank() && t.charAt(0) != ' '),
                Arbitraries.longs().greaterOrEqual(0).map(String::valueOf),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Hex::toHex).filter(t -> t.length() > 2));
        return Combinators.combine(text, Arbitraries.of(true, false)).as((t, hard) -> Junction.parse(t, hard))
                .list().ofMaxSize(4);
    }
}
