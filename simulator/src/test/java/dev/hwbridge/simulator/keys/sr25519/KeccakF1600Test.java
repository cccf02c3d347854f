package dev.hwbridge.simulator.keys.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.junit.jupiter.api.Test;

class KeccakF1600Test {

    /** XKCP KeccakF-1600-IntermediateValues.txt: the zero state after one permutation. */
    private static final long[] ZERO_STATE_PERMUTED_ONCE = {
        0xF1258F7940E1DDE7L, 0x84D5CCF933C0478AL, 0xD598261EA65AA9EEL, 0xBD1547306F80494DL,
        0x8B284E056253D057L, 0xFF97A42D7F8E6FD4L, 0x90FEE5A0A44647C4L, 0x8C5BDA0CD6192E76L,
        0xAD30A6F71B19059CL, 0x30935AB7D08FFC64L, 0xEB5AA93F2317D635L, 0xA9A6E6260D712103L,
        0x81A57C16DBCF555FL, 0x43B831CD0347C826L, 0x01F22F1A11A5569FL, 0x05E5635A21D9AE61L,
        0x64BEFEF28CC970F2L, 0x613670957BC46611L, 0xB87C5A554FD00ECBL, 0x8C3EE88A1CCF32C8L,
        0x940C7922AE3A2614L, 0x1841F924A2C509E4L, 0x16F53526E70465C2L, 0x75F644E97F30A13BL,
        0xEAF1FF7B5CECA249L,
    };

    @Test
    void zeroStatePermutesToThePublishedXkcpState() {
        long[] lanes = new long[25];
        KeccakF1600.permute(lanes);
        assertThat(lanes).containsExactly(ZERO_STATE_PERMUTED_ONCE);
    }

    @Test
    void secondPermutationMatchesThePublishedXkcpState() {
        long[] lanes = ZERO_STATE_PERMUTED_ONCE.clone();
        KeccakF1600.permute(lanes);
        assertThat(Arrays.copyOf(lanes, 4))
                .containsExactly(0x2D5C954DF96ECB3CL, 0x6A332CD07057B56DL, 0x093D8D1270D76B6CL, 0x8A20D9B25569D094L);
    }

    @Test
    void byteStateUsesLittleEndianLanes() {
        byte[] state = new byte[KeccakF1600.STATE_BYTES];
        KeccakF1600.permute(state);
        // Lane 0 = 0xF1258F7940E1DDE7, stored least significant byte first.
        assertThat(Arrays.copyOf(state, 8))
                .containsExactly(0xE7, 0xDD, 0xE1, 0x40, 0x79, 0x8F, 0x25, 0xF1);
    }

    /** SHA3-256 built as a sponge on our permutation agrees with BouncyCastle's SHA3-256. */
    @Property(tries = 200)
    void sha3SpongeOnThisPermutationMatchesBouncyCastle(@ForAll @Size(max = 400) byte[] message) {
        assertThat(sha3_256(message)).isEqualTo(bouncyCastleSha3_256(message));
    }

    private static byte[] sha3_256(byte[] message) {
        int rate = 136;
        byte[] padded = Arrays.copyOf(message, (message.length / rate + 1) * rate);
        padded[message.length] ^= 0x06;
        padded[padded.length - 1] ^= (byte) 0x80;
        byte[] state = new byte[KeccakF1600.STATE_BYTES];
        for (int block = 0; block < padded.length; block += rate) {
            for (int i = 0; i < rate; i++) {
                state[i] ^= padded[block + i];
            }
            KeccakF1600.permute(state);
        }
        return Arrays.copyOf(state, 32);
    }

    private static byte[] bouncyCastleSha3_256(byte[] message) {
        SHA3Digest digest = new SHA3Digest(256);
        digest.update(message, 0, message.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
