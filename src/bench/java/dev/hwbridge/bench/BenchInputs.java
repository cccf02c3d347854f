package dev.hwbridge.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The inputs every benchmark shares with the polkadot-js side ({@code src/bench/js/bench.mjs} uses
 * the same values), so both sides do the same work on the same bytes.
 */
final class BenchInputs {

    /** The dev phrase; public, so nothing secret sits in the benchmarks. */
    static final String PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    /** polkadot-js's JSON fixture ({@code pair.toJson}) and the password it was made with. */
    static final String JSON_FIXTURE = "src/bench/js/fixtures/sr25519-account.json";
    static final String JSON_PASSWORD = "hwbridge bench password";

    private static final String MESSAGE_TEXT = "a 64-byte-ish transaction payload, as a wallet would send it.....";

    private BenchInputs() {
    }

    /** 32 × 0x2a: the sr25519 mini-secret, the ed25519 seed and the ecdsa private key. */
    static byte[] seed() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 42);
        return seed;
    }

    /** A short payload, as wallets send (longer ones are hashed to 32 bytes before signing). */
    static byte[] message() {
        return MESSAGE_TEXT.getBytes(StandardCharsets.US_ASCII);
    }

    /** 0x10 ‖ 31 zero bytes: the chain code of the soft junction {@code /16}. */
    static byte[] chainCode() {
        byte[] chainCode = new byte[32];
        chainCode[0] = 0x10;
        return chainCode;
    }
}
