package dev.hwbridge.protocol.ledger;

import dev.hwbridge.protocol.account.Hex;

/** Bare hex (no 0x) for byte-level vectors, which read best as runs of digits. */
final class HexBytes {

    private HexBytes() {
    }

    static byte[] of(String hex) {
        return Hex.fromHex("0x" + hex);
    }

    static String text(byte[] bytes) {
        return Hex.toHex(bytes).substring(2);
    }
}
