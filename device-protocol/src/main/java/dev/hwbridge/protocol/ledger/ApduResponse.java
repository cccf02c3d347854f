package dev.hwbridge.protocol.ledger;

import java.util.Arrays;
import java.util.Objects;

/** A reply APDU: {@code data ‖ SW1 SW2}. */
public record ApduResponse(byte[] data, int statusWord) {

    public static final int STATUS_SIZE = 2;

    public ApduResponse {
        Objects.requireNonNull(data, "data");
        if (statusWord < 0 || statusWord > 0xFFFF) {
            throw new IllegalArgumentException("a status word has 16 bits");
        }
        data = data.clone();
    }

    /** A success reply carrying {@code data}. */
    public static ApduResponse ok(byte[] data) {
        return new ApduResponse(data, LedgerError.SW_OK);
    }

    /** A reply with no data and the canonical status word of {@code error}. */
    public static ApduResponse error(LedgerError error) {
        if (error == LedgerError.FRAMING) {
            throw new IllegalArgumentException("FRAMING has no status word");
        }
        return new ApduResponse(new byte[0], error.statusWord());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public boolean isOk() {
        return statusWord == LedgerError.SW_OK;
    }

    /** The data of a 0x9000 reply; for any other status word its typed error. */
    public byte[] requireOk() throws LedgerException {
        if (!isOk()) {
            throw LedgerException.ofStatusWord(statusWord);
        }
        return data();
    }

    public byte[] encode() {
        byte[] out = Arrays.copyOf(data, data.length + STATUS_SIZE);
        out[data.length] = (byte) (statusWord >>> 8);
        out[data.length + 1] = (byte) statusWord;
        return out;
    }

    /**
     * Reads a reply a device sent.
     *
     * @throws LedgerException FRAMING when it is shorter than a status word
     */
    public static ApduResponse decode(byte[] bytes) throws LedgerException {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < STATUS_SIZE) {
            throw new LedgerException(LedgerError.FRAMING, "a reply of " + bytes.length + " bytes has no status word");
        }
        int sw = ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
        return new ApduResponse(Arrays.copyOf(bytes, bytes.length - STATUS_SIZE), sw);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApduResponse r && r.statusWord == statusWord && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * statusWord + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("ApduResponse[%d bytes, sw=0x%04X]", data.length, statusWord);
    }
}
