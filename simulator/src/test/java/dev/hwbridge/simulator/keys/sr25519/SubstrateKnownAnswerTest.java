package dev.hwbridge.simulator.keys.sr25519;

import static dev.hwbridge.simulator.keys.sr25519.PolkadotJsVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Known answers published in Substrate's sp_core::sr25519 tests (schnorrkel-backed). */
class SubstrateKnownAnswerTest {

    /** sp_core DEV_PHRASE's mini-secret (DEV_SEED). */
    private static final byte[] DEV_SEED = hex("0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    /** The chain code of "Alice": SCALE compact length 5, then the UTF-8 bytes. */
    private static final byte[] ALICE = hex("0x14416c6963650000000000000000000000000000000000000000000000000000");

    @Test
    void srTestVectorShouldWork() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(
                hex("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))) {
            assertThat(pair.publicKey())
                    .isEqualTo(hex("0x44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f"));
            byte[] empty = new byte[0];
            assertThat(Sr25519.verify(pair.publicKey(), empty, pair.sign(empty, WitnessRng.secure()))).isTrue();
        }
    }

    @Test
    void seededPairShouldWork() {
        byte[] seed = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(seed)) {
            assertThat(pair.publicKey())
                    .isEqualTo(hex("0x741c08a06f41c596608f6774259bd9043304adfa5d3eea62760bd9be97634d63"));
        }
    }

    @Test
    void deriveHardKnownPairShouldWork() {
        try (Sr25519KeyPair dev = Sr25519KeyPair.fromMiniSecret(DEV_SEED);
                Sr25519KeyPair alice = dev.deriveHard(ALICE)) {
            assertThat(alice.publicKey())
                    .isEqualTo(hex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"));
        }
    }

    @Test
    void deriveSoftKnownPairShouldWork() {
        byte[] expected = hex("0xd6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e");
        try (Sr25519KeyPair dev = Sr25519KeyPair.fromMiniSecret(DEV_SEED);
                Sr25519KeyPair alice = dev.deriveSoft(ALICE, WitnessRng.secure())) {
            assertThat(alice.publicKey()).isEqualTo(expected);
            assertThat(Sr25519.derivePublicSoft(dev.publicKey(), ALICE)).isEqualTo(expected);
        }
    }

    /** verify_known_old_message_should_work: a schnorrkel 0.1 signature has no marker, so it fails. */
    @Test
    void preAuditSignatureWithoutMarkerIsRejected() {
        byte[] publicKey = hex("0xb4bfa1f7a5166695eb75299fd1c4c03ea212871c342f2c5dfea0902b2c246918");
        byte[] signature = hex("0x5a9755f069939f45d96aaf125cf5ce7ba1db998686f87f2fb3cbdea922078741"
                + "a73891ba265f70c31436e18a9acd14d189d73c12317ab6c313285cd938453202");
        byte[] message = "Verifying that I am the owner of 5G9hQLdsKQswNPgB499DeA5PkFBbgkLPJWkkS6FAM6xGQ8xD. Hash: 221455a3\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(Sr25519.verify(publicKey, message, signature)).isFalse();
    }
}
