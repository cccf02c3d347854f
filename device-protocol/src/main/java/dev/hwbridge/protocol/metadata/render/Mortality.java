package dev.hwbridge.protocol.metadata.render;

/** The text of an encoded {@code Era}: {@code immortal}, or its period and phase, as sp-runtime decodes it. */
final class Mortality {

    private Mortality() {
    }

    static String describe(byte[] encoded) {
        if (encoded.length == 1 && encoded[0] == 0) {
            return "immortal";
        }
        if (encoded.length != 2) {
            return "unknown era";
        }
        int value = (encoded[0] & 0xff) | (encoded[1] & 0xff) << 8;
        long period = 2L << (value % 16);
        long quantizeFactor = Math.max(period >> 12, 1);
        long phase = (value >> 4) * quantizeFactor;
        if (period < 4 || phase >= period) {
            return "invalid era (the chain refuses it)";
        }
        return "mortal, period " + period + ", phase " + phase;
    }
}
