package dev.hwbridge.simulator.keys.sr25519;

import static dev.hwbridge.simulator.keys.sr25519.PolkadotJsVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The known-answer test of the merlin crate and merlin.cool. */
    @Test
    void simpleTranscriptGivesMerlinKnownAnswer() {
        Transcript t = new Transcript("test protocol");
        t.appendMessage("some label", ascii("some data"));
        assertThat(t.challengeBytes("challenge", 32))
                .isEqualTo(hex("0xd5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615"));
    }

    @Test
    void witnessLeavesTheTranscriptUntouched() {
        Transcript withWitness = new Transcript("witness test");
        withWitness.appendMessage("com", ascii("commitment"));
        withWitness.witnessBytes("witness", 32, WitnessRng.zero(), ascii("secret"));
        Transcript without = new Transcript("witness test");
        without.appendMessage("com", ascii("commitment"));

        assertThat(withWitness.challengeBytes("c", 32)).isEqualTo(without.challengeBytes("c", 32));
    }

    @Test
    void witnessDependsOnTranscriptSeedsAndRandomness() {
        byte[] base = witness("commitment 1", "witness 1", WitnessRng.zero());
        assertThat(witness("commitment 1", "witness 1", WitnessRng.zero())).isEqualTo(base);
        assertThat(witness("commitment 2", "witness 1", WitnessRng.zero())).isNotEqualTo(base);
        assertThat(witness("commitment 1", "witness 2", WitnessRng.zero())).isNotEqualTo(base);
        assertThat(witness("commitment 1", "witness 1", out -> Arrays.fill(out, (byte) 1))).isNotEqualTo(base);
    }

    @Test
    void witnessAsksForThirtyTwoRandomBytes() {
        int[] requested = new int[1];
        new Transcript("rng size").witnessBytes("w", 64, out -> requested[0] += out.length, ascii("seed"));
        assertThat(requested[0]).isEqualTo(32);
    }

    private static byte[] witness(String commitment, String witness, WitnessRng rng) {
        Transcript t = new Transcript("test TranscriptRng collisions");
        t.appendMessage("com", ascii(commitment));
        return t.witnessBytes("witness", 32, rng, ascii(witness));
    }
}
