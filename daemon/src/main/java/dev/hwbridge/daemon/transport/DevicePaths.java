package dev.hwbridge.daemon.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Device paths for buses that find devices through the OS: the transport name, a colon and a
 * digest of the OS location. As in trezord-go, clients never see the OS path itself (it can name
 * the user's hardware layout and differs per platform), yet the same device at the same place keeps
 * the same path.
 */
public final class DevicePaths {

    /** 8 digest bytes: collisions among the few devices on one machine are not a concern. */
    private static final int DIGEST_BYTES = 8;

    private DevicePaths() {
    }

    /** {@code transport + ":" +} the hex of the first 8 bytes of SHA-256 over the UTF-8 location. */
    public static String of(String transport, String osLocation) {
        byte[] digest = sha256().digest(osLocation.getBytes(StandardCharsets.UTF_8));
        return transport + ":" + HexFormat.of().formatHex(digest, 0, DIGEST_BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
