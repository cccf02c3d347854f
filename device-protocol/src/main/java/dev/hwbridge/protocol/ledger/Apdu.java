package dev.hwbridge.protocol.ledger;

import java.util.Arrays;
import java.util.Objects;

/**
 * A command APDU as Ledger's host libraries send it: {@code CLA ‖ INS ‖ P1 ‖ P2 ‖ Lc ‖ data}, with
 * at most 255 bytes of data (Lc is one byte).
 */
public record Apdu(int cla, int ins, int p1, int p2, byte[] data) {

    public static final int HEADER_SIZE = 5;
    public static final int MAX_DATA_SIZE = 0xFF;

    public Apdu {
        Objects.requireNonNull(data, "data");
        requireByte("cla", cla);
        requireByte("ins", ins);
        requireByte("p1", p1);
        requireByte("p2", p2);
        if (data.length > MAX_DATA_SIZE) {
            throw new IllegalArgumentException("an APDU carries at most 255 bytes of data, not " + data.length);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_SIZE + data.length];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        out[4] = (byte) data.length;
        System.arraycopy(data, 0, out, HEADER_SIZE, data.length);
        return out;
    }

    /**
     * Reads an APDU a host sent. Four bytes are a command without data; otherwise Lc must count
     * exactly the bytes that follow.
     *
     * @throws LedgerException WRONG_LENGTH for anything else
     */
    public static Apdu decode(byte[] bytes) throws LedgerException {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == HEADER_SIZE - 1) {
            return new Apdu(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF, bytes[3] & 0xFF, new byte[0]);
        }
        if (bytes.length < HEADER_SIZE || (bytes[4] & 0xFF) != bytes.length - HEADER_SIZE) {
            throw new LedgerException(LedgerError.WRONG_LENGTH,
                    "an APDU of " + bytes.length + " bytes whose Lc does not count its data");
        }
        return new Apdu(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF, bytes[3] & 0xFF,
                Arrays.copyOfRange(bytes, HEADER_SIZE, bytes.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Apdu a && a.cla == cla && a.ins == ins && a.p1 == p1 && a.p2 == p2
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cla, ins, p1, p2, Arrays.hashCode(data));
    }

    /** Header and length only: the data may be a payload to sign. */
    @Override
    public String toString() {
        return String.format("Apdu[cla=0x%02X, ins=0x%02X, p1=%d, p2=%d, %d bytes]", cla, ins, p1, p2, data.length);
    }

    private static void requireByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be 0..255, not " + value);
        }
    }
}
