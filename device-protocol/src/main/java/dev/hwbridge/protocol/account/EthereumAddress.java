package dev.hwbridge.protocol.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * A 20-byte Ethereum address (the account of an Ethereum-style chain such as Moonbeam, and of a
 * Ledger Polkadot app's secp256k1 key): the last 20 bytes of keccak-256 of the uncompressed public
 * key without its {@code 0x04} prefix.
 *
 * <p>Text form: {@code 0x} and 40 hex digits. Written with the EIP-55 mixed-case checksum, as
 * polkadot-js's {@code ethereumEncode} writes it; read in any case, but mixed case must be the
 * checksum (as polkadot-js's {@code isEthereumAddress} checks), so a mistyped checksummed address
 * is refused rather than taken for another account.
 */
public final class EthereumAddress {

    public static final int LENGTH = 20;
    /** {@code 0x} and 40 hex digits. */
    public static final int TEXT_LENGTH = 2 + 2 * LENGTH;

    private static final int COMPRESSED_KEY_LENGTH = 33;
    private static final int UNCOMPRESSED_KEY_LENGTH = 65;

    private EthereumAddress() {
    }

    /**
     * Whether {@code text} is meant as an Ethereum address rather than SS58: it starts with
     * {@code 0x} (base58 has no {@code 0}, so no SS58 address does). Valid or not: {@link #parse} says.
     */
    public static boolean isHexForm(String text) {
        return text != null && text.startsWith("0x");
    }

    /**
     * The 20 bytes of {@code text}.
     *
     * @throws FormatException INVALID_ADDRESS (not {@code 0x} and 40 hex digits) or BAD_CHECKSUM
     *                         (mixed case that is not the EIP-55 checksum)
     */
    public static byte[] parse(String text) throws FormatException {
        if (text == null || text.length() != TEXT_LENGTH || !text.startsWith("0x")) {
            throw new FormatException(FormatError.INVALID_ADDRESS, "an Ethereum address is 0x and 40 hex digits");
        }
        String digits = text.substring(2);
        boolean lower = true;
        boolean upper = true;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean decimal = c >= '0' && c <= '9';
            boolean small = c >= 'a' && c <= 'f';
            boolean capital = c >= 'A' && c <= 'F';
            if (!decimal && !small && !capital) {
                throw new FormatException(FormatError.INVALID_ADDRESS, "an Ethereum address is 0x and 40 hex digits");
            }
            lower &= !capital;
            upper &= !small;
        }
        byte[] address = Hex.fromHex("0x" + digits.toLowerCase(Locale.ROOT));
        if (!lower && !upper && !encode(address).equals(text)) {
            throw new FormatException(FormatError.BAD_CHECKSUM,
                    "the address's mixed case is not its EIP-55 checksum (mistyped?)");
        }
        return address;
    }

    /** The canonical text: {@code 0x} and the 40 digits in EIP-55 checksum case. */
    public static String encode(byte[] address) {
        Objects.requireNonNull(address, "address");
        if (address.length != LENGTH) {
            throw new IllegalArgumentException("an Ethereum address is 20 bytes");
        }
        String lower = Hex.toHex(address).substring(2);
        byte[] hash = keccak256(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(TEXT_LENGTH).append("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >>> (i % 2 == 0 ? 4 : 0)) & 0x0F;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /**
     * The address of a secp256k1 public key, compressed (33 bytes) or not (65).
     *
     * @throws FormatException INVALID_LENGTH, or INVALID_ADDRESS when the key is not a point of
     *                         secp256k1
     */
    public static byte[] ofPublicKey(byte[] publicKey) throws FormatException {
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != COMPRESSED_KEY_LENGTH && publicKey.length != UNCOMPRESSED_KEY_LENGTH) {
            throw new FormatException(FormatError.INVALID_LENGTH, "a secp256k1 public key is 33 bytes (or 65 uncompressed)");
        }
        byte[] uncompressed;
        try {
            uncompressed = CustomNamedCurves.getByName("secp256k1").getCurve().decodePoint(publicKey).getEncoded(false);
        } catch (IllegalArgumentException e) {
            throw new FormatException(FormatError.INVALID_ADDRESS, "the public key is not a point of secp256k1");
        }
        byte[] hash = keccak256(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return Arrays.copyOfRange(hash, hash.length - LENGTH, hash.length);
    }

    private static byte[] keccak256(byte[] data) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(data, 0, data.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        return hash;
    }
}
