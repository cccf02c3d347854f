package dev.hwbridge.protocol.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The requests of Zondax's Polkadot Generic app (ledger-polkadot {@code docs/APDUSPEC.md}, as
 * {@code @zondax/ledger-substrate} 3.0.0 sends them) and readers for their replies.
 *
 * <pre>
 * get version   F9 00 00 00
 * get address   F9 01 P1(0 return, 1 show) P2(scheme) ‖ path(20) [‖ ss58 prefix u16 LE, ed25519 only]
 * sign          F9 02 P1(0 init) P2(scheme) ‖ path(20) ‖ payload length u16 LE (the proof not counted)
 *               F9 02 P1(1 more, 2 last) P2 ‖ up to 250 bytes of payload ‖ metadata proof
 * sign raw      F9 03 as sign, the data being the message wrapped in &lt;Bytes&gt;…&lt;/Bytes&gt;
 * </pre>
 */
public final class PolkadotGenericApp {

    public static final int CLA = 0xF9;
    public static final int INS_GET_VERSION = 0x00;
    public static final int INS_GET_ADDRESS = 0x01;
    public static final int INS_SIGN = 0x02;
    public static final int INS_SIGN_RAW = 0x03;

    public static final int P1_RETURN = 0x00;
    public static final int P1_SHOW = 0x01;

    public static final int P1_INIT = 0x00;
    public static final int P1_ADD = 0x01;
    public static final int P1_LAST = 0x02;

    /** The size of every sign chunk after the first (the last may be shorter). */
    public static final int CHUNK_SIZE = 250;

    /** Payloads longer than this are signed as their blake2b-256 (ed25519) or keccak-256 of it (ecdsa). */
    public static final int MAX_DIRECT_PAYLOAD = 256;

    public static final int SIGNATURE_SIZE = 65;

    private static final byte[] BYTES_OPEN = "<Bytes>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BYTES_CLOSE = "</Bytes>".getBytes(StandardCharsets.US_ASCII);

    private PolkadotGenericApp() {
    }

    public static Apdu getVersion() {
        return new Apdu(CLA, INS_GET_VERSION, 0, 0, new byte[0]);
    }

    /** Get address; {@code ss58Prefix} (0..65535) is sent for ed25519 only. */
    public static Apdu getAddress(LedgerPath path, LedgerScheme scheme, boolean show, int ss58Prefix) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scheme, "scheme");
        if (ss58Prefix < 0 || ss58Prefix > 0xFFFF) {
            throw new IllegalArgumentException("an SS58 prefix is 0..65535");
        }
        byte[] encodedPath = path.encode();
        byte[] data = encodedPath;
        if (scheme == LedgerScheme.ED25519) {
            data = Arrays.copyOf(encodedPath, LedgerPath.ENCODED_SIZE + 2);
            data[LedgerPath.ENCODED_SIZE] = (byte) ss58Prefix;
            data[LedgerPath.ENCODED_SIZE + 1] = (byte) (ss58Prefix >>> 8);
        }
        return new Apdu(CLA, INS_GET_ADDRESS, show ? P1_SHOW : P1_RETURN, scheme.p2(), data);
    }

    /** The chunks of a sign request: the signing payload and its RFC-0078 metadata proof. */
    public static List<Apdu> sign(LedgerPath path, LedgerScheme scheme, byte[] payload, byte[] proof) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(proof, "proof");
        byte[] blob = Arrays.copyOf(payload, payload.length + proof.length);
        System.arraycopy(proof, 0, blob, payload.length, proof.length);
        return chunks(INS_SIGN, path, scheme, payload.length, blob);
    }

    /**
     * The chunks of a sign-raw request. The message is wrapped in {@code <Bytes>…</Bytes>} unless
     * it already is (as polkadot-js's {@code u8aWrapBytes} does), and the wrapped form is signed.
     */
    public static List<Apdu> signRaw(LedgerPath path, LedgerScheme scheme, byte[] message) {
        byte[] wrapped = wrapBytes(message);
        return chunks(INS_SIGN_RAW, path, scheme, wrapped.length, wrapped);
    }

    /** {@code <Bytes>message</Bytes>}, or the message itself when it is wrapped already. */
    public static byte[] wrapBytes(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (isWrapped(message)) {
            return message.clone();
        }
        byte[] out = new byte[BYTES_OPEN.length + message.length + BYTES_CLOSE.length];
        System.arraycopy(BYTES_OPEN, 0, out, 0, BYTES_OPEN.length);
        System.arraycopy(message, 0, out, BYTES_OPEN.length, message.length);
        System.arraycopy(BYTES_CLOSE, 0, out, BYTES_OPEN.length + message.length, BYTES_CLOSE.length);
        return out;
    }

    /** Whether the message begins with {@code <Bytes>} and ends with {@code </Bytes>}. */
    public static boolean isWrapped(byte[] message) {
        return message.length >= BYTES_OPEN.length + BYTES_CLOSE.length
                && Arrays.equals(message, 0, BYTES_OPEN.length, BYTES_OPEN, 0, BYTES_OPEN.length)
                && Arrays.equals(message, message.length - BYTES_CLOSE.length, message.length, BYTES_CLOSE, 0, BYTES_CLOSE.length);
    }

    private static List<Apdu> chunks(int ins, LedgerPath path, LedgerScheme scheme, int payloadLength, byte[] blob) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scheme, "scheme");
        if (payloadLength > 0xFFFF) {
            throw new IllegalArgumentException("the app takes payloads of at most 65535 bytes");
        }
        byte[] init = Arrays.copyOf(path.encode(), LedgerPath.ENCODED_SIZE + 2);
        init[LedgerPath.ENCODED_SIZE] = (byte) payloadLength;
        init[LedgerPath.ENCODED_SIZE + 1] = (byte) (payloadLength >>> 8);
        List<Apdu> out = new ArrayList<>();
        out.add(new Apdu(CLA, ins, P1_INIT, scheme.p2(), init));
        for (int at = 0; at < blob.length; at += CHUNK_SIZE) {
            int end = Math.min(blob.length, at + CHUNK_SIZE);
            int p1 = end == blob.length ? P1_LAST : P1_ADD;
            out.add(new Apdu(CLA, ins, p1, scheme.p2(), Arrays.copyOfRange(blob, at, end)));
        }
        return out;
    }

    /**
     * Reads a get-address reply: public key (32, or 33 compressed for ecdsa) ‖ address (ASCII
     * SS58; for ecdsa the 20-byte Ethereum address, returned as 0x-hex).
     */
    public static AddressReply readAddress(LedgerScheme scheme, byte[] data) throws LedgerException {
        int keyLength = scheme.publicKeyLength();
        if (data.length <= keyLength || (scheme == LedgerScheme.ECDSA && data.length != keyLength + 20)) {
            throw new LedgerException(LedgerError.FRAMING, "a " + scheme + " address reply of " + data.length + " bytes");
        }
        byte[] key = Arrays.copyOf(data, keyLength);
        byte[] rest = Arrays.copyOfRange(data, keyLength, data.length);
        String address = scheme == LedgerScheme.ECDSA ? "0x" + hex(rest) : new String(rest, StandardCharsets.US_ASCII);
        return new AddressReply(key, address);
    }

    /** Reads a signature reply: 65 bytes (ed25519: 0x00 ‖ 64; ecdsa: r ‖ s ‖ v). */
    public static byte[] readSignature(LedgerScheme scheme, byte[] data) throws LedgerException {
        if (data.length != SIGNATURE_SIZE || (scheme == LedgerScheme.ED25519 && data[0] != 0)) {
            throw new LedgerException(LedgerError.FRAMING, "a " + scheme + " signature reply of " + data.length + " bytes");
        }
        return data.clone();
    }

    /**
     * Reads a version reply: test mode(1) ‖ major, minor, patch (1, 2 or 4 bytes each, BE) ‖
     * locked(1) [‖ target id(4)], as {@code @zondax/ledger-js} reads it.
     */
    public static AppVersion readVersion(byte[] data) throws LedgerException {
        int width = switch (data.length) {
            case 5, 9 -> 1;
            case 8, 12 -> 2;
            case 14, 18 -> 4;
            default -> throw new LedgerException(LedgerError.FRAMING, "a version reply of " + data.length + " bytes");
        };
        long[] parts = new long[3];
        for (int i = 0; i < 3; i++) {
            for (int b = 0; b < width; b++) {
                parts[i] = (parts[i] << 8) | (data[1 + i * width + b] & 0xFF);
            }
        }
        int lockedAt = 1 + 3 * width;
        long target = -1;
        if (data.length > lockedAt + 1) {
            target = 0;
            for (int b = 0; b < 4; b++) {
                target = (target << 8) | (data[lockedAt + 1 + b] & 0xFF);
            }
        }
        return new AppVersion(data[0] != 0, parts[0], parts[1], parts[2], data[lockedAt] == 1, target);
    }

    /** The version reply the simulator sends: 1-byte parts and a target id (9 bytes). */
    public static byte[] writeVersion(AppVersion version) {
        return new byte[] {(byte) (version.testMode() ? 1 : 0), (byte) version.major(), (byte) version.minor(),
                (byte) version.patch(), (byte) (version.locked() ? 1 : 0), (byte) (version.targetId() >>> 24),
                (byte) (version.targetId() >>> 16), (byte) (version.targetId() >>> 8), (byte) version.targetId()};
    }

    /** A get-address reply. */
    public record AddressReply(byte[] publicKey, String address) {
        public AddressReply {
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }
    }

    /** A version reply; {@code targetId} is -1 when absent. */
    public record AppVersion(boolean testMode, long major, long minor, long patch, boolean locked, long targetId) {
        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >>> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }
}
