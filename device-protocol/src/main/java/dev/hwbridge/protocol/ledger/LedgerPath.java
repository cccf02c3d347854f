package dev.hwbridge.protocol.ledger;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Polkadot Generic app path, {@code m/44'/354'/account'/change'/index'}: five hardened BIP32
 * elements, sent as five u32 little-endian (20 bytes). Every element is taken as hardened, as the
 * app and polkadot-js's {@code hdLedger} take it: BIP32-Ed25519 here only derives hardened.
 *
 * @param account 0..2^31-1
 * @param change  0..2^31-1
 * @param index   0..2^31-1
 */
public record LedgerPath(int account, int change, int index) {

    public static final int HARDENED = 0x80000000;
    public static final int PURPOSE = 44;
    /** SLIP-44 coin type of Polkadot, which the generic app uses for every chain. */
    public static final int COIN_TYPE = 354;
    public static final int ELEMENTS = 5;
    public static final int ENCODED_SIZE = ELEMENTS * 4;

    private static final Pattern TEXT = Pattern.compile("m/44'/354'/(\\d{1,10})'/(\\d{1,10})'/(\\d{1,10})'");

    public LedgerPath {
        if (account < 0 || change < 0 || index < 0) {
            throw new IllegalArgumentException("account, change and index are 0..2^31-1");
        }
    }

    /** Parses {@code m/44'/354'/a'/c'/i'} (every element hardened, written with {@code '}). */
    public static LedgerPath parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a Ledger path is m/44'/354'/account'/change'/index'");
        }
        return new LedgerPath(element(m.group(1)), element(m.group(2)), element(m.group(3)));
    }

    /** The five elements with the hardened bit set, in order. */
    public int[] elements() {
        return new int[] {PURPOSE | HARDENED, COIN_TYPE | HARDENED, account | HARDENED, change | HARDENED, index | HARDENED};
    }

    public byte[] encode() {
        byte[] out = new byte[ENCODED_SIZE];
        int[] elements = elements();
        for (int i = 0; i < ELEMENTS; i++) {
            int v = elements[i];
            out[4 * i] = (byte) v;
            out[4 * i + 1] = (byte) (v >>> 8);
            out[4 * i + 2] = (byte) (v >>> 16);
            out[4 * i + 3] = (byte) (v >>> 24);
        }
        return out;
    }

    /**
     * Reads the 20 bytes at {@code offset}: purpose 44 and coin type 354 (hardened or not), any
     * account, change and index (hardened whether or not the bit is set).
     *
     * @throws LedgerException DATA_INVALID for fewer bytes, another purpose or another coin type
     */
    public static LedgerPath decode(byte[] bytes, int offset) throws LedgerException {
        if (offset < 0 || bytes.length - offset < ENCODED_SIZE) {
            throw new LedgerException(LedgerError.DATA_INVALID, "a path has 20 bytes");
        }
        int[] e = new int[ELEMENTS];
        for (int i = 0; i < ELEMENTS; i++) {
            int at = offset + 4 * i;
            e[i] = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
            e[i] &= ~HARDENED;
        }
        if (e[0] != PURPOSE || e[1] != COIN_TYPE) {
            throw new LedgerException(LedgerError.DATA_INVALID, "the path is not under m/44'/354'");
        }
        return new LedgerPath(e[2], e[3], e[4]);
    }

    @Override
    public String toString() {
        return "m/44'/354'/" + account + "'/" + change + "'/" + index + "'";
    }

    private static int element(String digits) {
        long value = Long.parseLong(digits);
        if (value >= (1L << 31)) {
            throw new IllegalArgumentException("a path element is below 2^31");
        }
        return (int) value;
    }
}
