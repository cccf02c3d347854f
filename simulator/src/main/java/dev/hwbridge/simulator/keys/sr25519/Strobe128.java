package dev.hwbridge.simulator.keys.sr25519;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * STROBE-128 (STROBE v1.0.2, https://strobe.sourceforge.io/specs/, security level 128, so
 * rate R = 166 bytes) reduced to what Merlin transcripts need: {@code meta-AD}, {@code AD},
 * {@code PRF} and {@code KEY}, without the transport direction flag T. Written from the
 * STROBE specification and the operation list of Merlin 2.0 (merlin.cool); no code copied.
 *
 * <p>Not thread-safe. The state is secret once a key or witness was absorbed: {@link #wipe()}
 * zeroes it.
 */
final class Strobe128 {

    /** Bytes absorbed between permutations: 200 − 2·(128/8) − 2. */
    private static final int RATE = 166;

    private static final int FLAG_I = 1;
    private static final int FLAG_A = 1 << 1;
    private static final int FLAG_C = 1 << 2;
    private static final int FLAG_M = 1 << 4;
    private static final int FLAG_K = 1 << 5;

    private final byte[] state;
    private int pos;
    private int posBegin;
    private int curFlags;

    /** Initialises the sponge as STROBE does for "STROBEv1.0.2" at 128 bits, then meta-AD(label). */
    Strobe128(byte[] protocolLabel) {
        state = new byte[KeccakF1600.STATE_BYTES];
        // The STROBE domain: [1, R + 2, 1, 0, 1, 12·8] ‖ "STROBEv1.0.2", as a cSHAKE-style header.
        byte[] header = {1, (byte) (RATE + 2), 1, 0, 1, 96};
        System.arraycopy(header, 0, state, 0, header.length);
        byte[] version = "STROBEv1.0.2".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(version, 0, state, header.length, version.length);
        KeccakF1600.permute(state);
        metaAd(protocolLabel, false);
    }

    private Strobe128(Strobe128 other) {
        state = other.state.clone();
        pos = other.pos;
        posBegin = other.posBegin;
        curFlags = other.curFlags;
    }

    /** An independent copy of this state (Merlin forks the transcript to build its witness RNG). */
    Strobe128 copy() {
        return new Strobe128(this);
    }

    void metaAd(byte[] data, boolean more) {
        beginOp(FLAG_M | FLAG_A, more);
        absorb(data);
    }

    void ad(byte[] data, boolean more) {
        beginOp(FLAG_A, more);
        absorb(data);
    }

    byte[] prf(int length, boolean more) {
        beginOp(FLAG_I | FLAG_A | FLAG_C, more);
        return squeeze(length);
    }

    void key(byte[] data, boolean more) {
        beginOp(FLAG_A | FLAG_C, more);
        overwrite(data);
    }

    /** Zeroes the sponge; the object must not be used afterwards. */
    void wipe() {
        Arrays.fill(state, (byte) 0);
        pos = 0;
        posBegin = 0;
        curFlags = 0;
    }

    private void beginOp(int flags, boolean more) {
        if (more) {
            // A continued operation adds data to the previous one and writes no new header.
            if (flags != curFlags) {
                throw new IllegalStateException("a STROBE operation was continued with other flags");
            }
            return;
        }
        int oldBegin = posBegin;
        posBegin = pos + 1;
        curFlags = flags;
        absorb(new byte[] {(byte) oldBegin, (byte) flags});
        // C and K operations must start on a fresh block so their output depends on all input.
        boolean forceF = (flags & (FLAG_C | FLAG_K)) != 0;
        if (forceF && pos != 0) {
            runF();
        }
    }

    private void absorb(byte[] data) {
        for (byte b : data) {
            state[pos++] ^= b;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private void overwrite(byte[] data) {
        for (byte b : data) {
            state[pos++] = b;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private byte[] squeeze(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = state[pos];
            state[pos++] = 0;
            if (pos == RATE) {
                runF();
            }
        }
        return out;
    }

    /** Pads the block (pos_begin, 0x04 domain byte, 0x80 at the end of the rate) and permutes. */
    private void runF() {
        state[pos] ^= (byte) posBegin;
        state[pos + 1] ^= 0x04;
        state[RATE + 1] ^= (byte) 0x80;
        KeccakF1600.permute(state);
        pos = 0;
        posBegin = 0;
    }
}
