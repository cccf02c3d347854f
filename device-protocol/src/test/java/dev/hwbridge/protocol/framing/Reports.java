package dev.hwbridge.protocol.framing;

import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/** Test helper: reports written as hex, the rest of the 64 bytes zero. */
final class Reports {

    private Reports() {
    }

    /** Parses hex (spaces allowed) and zero-pads it to a 64-byte report. */
    static byte[] report(String hex) {
        byte[] head = bytes(hex);
        byte[] report = new byte[HidFraming.REPORT_SIZE];
        System.arraycopy(head, 0, report, 0, head.length);
        return report;
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A fake monotonic clock the tests move by hand. */
    static final class FakeTicker implements LongSupplier {
        private long nanos;

        @Override
        public long getAsLong() {
            return nanos;
        }

        void advance(Duration by) {
            nanos += by.toNanos();
        }
    }
}
