package dev.hwbridge.protocol.framing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Splits a {@link Frame} into the 64-byte reports that carry it, the last one zero-padded. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The reports of {@code frame}, in the order they must be sent: one init packet, then continuations 0, 1, 2, … */
    public static List<byte[]> write(Frame frame) {
        byte[] payload = frame.payload();
        try {
            List<byte[]> reports = new ArrayList<>(HidFraming.reportCount(payload.length));
            ByteBuffer first = ByteBuffer.allocate(HidFraming.REPORT_SIZE)
                    .putInt(frame.channel())
                    .put((byte) frame.command().code())
                    .putShort((short) payload.length);
            int offset = Math.min(payload.length, HidFraming.INIT_DATA_SIZE);
            first.put(payload, 0, offset);
            reports.add(first.array());
            for (int sequence = 0; offset < payload.length; sequence++) {
                int chunk = Math.min(payload.length - offset, HidFraming.CONTINUATION_DATA_SIZE);
                ByteBuffer next = ByteBuffer.allocate(HidFraming.REPORT_SIZE)
                        .putInt(frame.channel())
                        .put((byte) sequence)
                        .put(payload, offset, chunk);
                reports.add(next.array());
                offset += chunk;
            }
            return Collections.unmodifiableList(reports);
        } finally {
            // A MSG payload may carry a JSON file's password.
            Arrays.fill(payload, (byte) 0);
        }
    }
}
