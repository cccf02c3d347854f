package dev.hwbridge.protocol.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * SS58 address text, bit for bit as polkadot-js {@code encodeAddress}/{@code decodeAddress}
 * ({@code util-crypto/address}): base58 of {@code prefixBytes ‖ payload ‖ checksum}, where the
 * checksum is the start of {@code blake2b-512("SS58PRE" ‖ prefixBytes ‖ payload)}.
 *
 * <p>{@link #decode} takes every address polkadot-js {@code decodeAddress} takes, except these
 * strings, which no encoder emits and which it refuses:
 * <ul>
 *   <li>lengths where polkadot-js infers a 1-byte checksum over a payload that is not 1, 2, 4 or 8
 *       bytes (a 32- or 35-byte payload, or an empty one after a two-byte prefix): INVALID_LENGTH;</li>
 *   <li>the two-byte form of the reserved prefixes 46 and 47 (polkadot-js refuses only their
 *       one-byte form, by testing the first byte): INVALID_PREFIX.</li>
 * </ul>
 * A two-byte form of a prefix below 64 is accepted, as polkadot-js does; {@link Ss58Address#encode}
 * then gives the canonical one-byte form. As in polkadot-js, a 1/2/4/8-byte payload under a
 * two-byte prefix encodes but does not decode (its length is not in the allowed list).
 */
public final class Ss58 {

    /** A 52-character address is the longest (38 bytes); allow some slack, refuse the rest early. */
    public static final int MAX_ADDRESS_LENGTH = 64;

    private static final byte[] CHECKSUM_CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);
    /** Decoded lengths polkadot-js {@code defaults.allowedEncodedLengths} lets through. */
    private static final int[] ENCODED_LENGTHS = {3, 4, 6, 10, 35, 36, 37, 38};
    /** Payload lengths polkadot-js {@code defaults.allowedDecodedLengths} can encode. */
    private static final int[] PAYLOAD_LENGTHS = {1, 2, 4, 8, 32, 33};

    private Ss58() {
    }

    /**
     * Encodes {@code accountId} (the payload) for {@code prefix}.
     *
     * @throws FormatException INVALID_LENGTH unless the payload has 1, 2, 4, 8, 32 or 33 bytes
     */
    public static String encode(byte[] accountId, Ss58Prefix prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (accountId == null || !contains(PAYLOAD_LENGTHS, accountId.length)) {
            throw new FormatException(FormatError.INVALID_LENGTH,
                    "an SS58 payload has 1, 2, 4, 8, 32 or 33 bytes");
        }
        byte[] prefixBytes = prefixBytes(prefix.value());
        byte[] checksum = checksum(prefixBytes, accountId);
        int checksumLength = checksumLength(accountId.length);
        byte[] raw = new byte[prefixBytes.length + accountId.length + checksumLength];
        System.arraycopy(prefixBytes, 0, raw, 0, prefixBytes.length);
        System.arraycopy(accountId, 0, raw, prefixBytes.length, accountId.length);
        System.arraycopy(checksum, 0, raw, prefixBytes.length + accountId.length, checksumLength);
        return Base58.encode(raw);
    }

    /**
     * Decodes an SS58 address.
     *
     * @throws FormatException INVALID_ADDRESS (empty, not base58, high bit of the first byte set),
     *                         INVALID_LENGTH, BAD_CHECKSUM or INVALID_PREFIX (46/47)
     */
    public static Ss58Address decode(String address) {
        if (address == null || address.isEmpty()) {
            throw new FormatException(FormatError.INVALID_ADDRESS, "no address given");
        }
        if (address.length() > MAX_ADDRESS_LENGTH) {
            throw new FormatException(FormatError.INVALID_LENGTH,
                    "an SS58 address has at most " + MAX_ADDRESS_LENGTH + " characters");
        }
        byte[] raw = Base58.decode(address);
        if (!contains(ENCODED_LENGTHS, raw.length)) {
            throw new FormatException(FormatError.INVALID_LENGTH, "not the length of an SS58 address");
        }
        int first = raw[0] & 0xff;
        if ((first & 0x80) != 0) {
            // Bit 7 of the first byte is reserved for future address formats.
            throw new FormatException(FormatError.INVALID_ADDRESS, "reserved SS58 address format");
        }
        boolean twoByte = (first & 0x40) != 0;
        int prefixLength = twoByte ? 2 : 1;
        int rest = raw.length - prefixLength;
        // As polkadot-js: 2 checksum bytes exactly when that leaves a 32- or 33-byte payload.
        int checksumLength = rest == 34 || rest == 35 ? 2 : 1;
        int payloadLength = rest - checksumLength;
        // polkadot-js would also take e.g. a 32-byte payload with a 1-byte checksum; no encoder makes that.
        if (!contains(PAYLOAD_LENGTHS, payloadLength) || checksumLength(payloadLength) != checksumLength) {
            throw new FormatException(FormatError.INVALID_LENGTH, "not the length of an SS58 address");
        }
        byte[] prefixBytes = Arrays.copyOfRange(raw, 0, prefixLength);
        byte[] payload = Arrays.copyOfRange(raw, prefixLength, prefixLength + payloadLength);
        byte[] expected = checksum(prefixBytes, payload);
        for (int i = 0; i < checksumLength; i++) {
            if (raw[prefixLength + payloadLength + i] != expected[i]) {
                throw new FormatException(FormatError.BAD_CHECKSUM, "SS58 checksum mismatch");
            }
        }
        int prefix = twoByte
                ? ((first & 0x3f) << 2) | ((raw[1] & 0xff) >> 6) | ((raw[1] & 0x3f) << 8)
                : first;
        return new Ss58Address(Ss58Prefix.of(prefix), payload);
    }

    /** One byte below 64; else the 14-bit value spread over two bytes as polkadot-js does. */
    static byte[] prefixBytes(int prefix) {
        if (prefix < 64) {
            return new byte[] {(byte) prefix};
        }
        return new byte[] {
            (byte) (((prefix & 0xfc) >> 2) | 0x40),
            (byte) ((prefix >> 8) | ((prefix & 0x03) << 6))
        };
    }

    private static byte[] checksum(byte[] prefixBytes, byte[] payload) {
        return Blake2b.hash512(CHECKSUM_CONTEXT, prefixBytes, payload);
    }

    private static int checksumLength(int payloadLength) {
        return payloadLength == 32 || payloadLength == 33 ? 2 : 1;
    }

    private static boolean contains(int[] values, int wanted) {
        for (int value : values) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }
}
