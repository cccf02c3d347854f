package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonContextTest {

    private final DaemonContext context = new DaemonContext(DaemonConfig.defaults(0), "1.0");

    @Test
    void resourcesCloseNewestFirstEvenWhenOneFails() {
        List<String> closed = new ArrayList<>();
        context.closeOnStop(() -> closed.add("registry"));
        context.closeOnStop(() -> {
            throw new IllegalStateException("device manager failed to close");
        });
        context.closeOnStop(() -> closed.add("buses"));

        context.close();
        context.close();

        assertThat(closed).containsExactly("buses", "registry");
    }

    @Test
    void nothingRegistersAfterClose() {
        context.close();

        assertThatThrownBy(() -> context.closeOnStop(() -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deviceCountIsAbsentUntilACounterIsSet() {
        assertThat(context.deviceCount()).isEmpty();

        context.deviceCounter(() -> 3);

        assertThat(context.deviceCount()).hasValue(3);
        assertThat(context.version()).isEqualTo("1.0");
    }
}
