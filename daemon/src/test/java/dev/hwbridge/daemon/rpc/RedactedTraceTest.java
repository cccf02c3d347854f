package dev.hwbridge.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedTraceTest {

    @Test
    void keepsClassesAndFramesButNoMessage() {
        IllegalStateException original = new IllegalStateException("password hunter2",
                new IllegalArgumentException("token 'hunter2'"));

        RedactedTrace redacted = RedactedTrace.of(original);
        StringWriter text = new StringWriter();
        redacted.printStackTrace(new PrintWriter(text));

        assertThat(text.toString()).doesNotContain("hunter2")
                .contains("java.lang.IllegalStateException (message withheld)")
                .contains("java.lang.IllegalArgumentException (message withheld)")
                .contains("RedactedTraceTest.keepsClassesAndFramesButNoMessage");
        assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
    }
}
