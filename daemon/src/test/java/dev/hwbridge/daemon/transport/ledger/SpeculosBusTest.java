package dev.hwbridge.daemon.transport.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.HotPlugRecorder;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.PolkadotGenericApp;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeculosBusTest {

    private static final byte[] VERSION = HexFormat.of().parseHex("000100020300");

    @Test
    void aListeningPortIsALedgerOnTcpThatAnswersApdusAndItsStopIsADetach() throws Exception {
        FakeApduPort port = new FakeApduPort(apdu -> ApduResponse.ok(VERSION));
        HotPlugRecorder events = new HotPlugRecorder();
        try (SpeculosBus bus = new SpeculosBus(List.of(port.address()))) {
            bus.watch(events);
            DeviceDescriptor ledger = events.assertAttached();
            assertThat(ledger.transport()).isEqualTo("tcp");
            assertThat(ledger.path()).isEqualTo("tcp:127.0.0.1:" + port.address().getPort());
            assertThat(LedgerUsb.isLedger(ledger)).isTrue();

            SpeculosChannel channel = (SpeculosChannel) bus.open(ledger.path());
            ApduResponse reply = channel.exchange(PolkadotGenericApp.getVersion());
            assertThat(reply.data()).isEqualTo(VERSION);
            assertThat(port.received).singleElement().isEqualTo(PolkadotGenericApp.getVersion());

            port.close();
            assertThat(events.assertDetached().path()).isEqualTo(ledger.path());
            assertThatThrownBy(() -> channel.exchange(PolkadotGenericApp.getVersion()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.code()).isEqualTo(TransportException.Code.DEVICE_GONE));
        } finally {
            port.close();
        }
    }

    @Test
    void aPortNotOnLoopbackIsRefused() {
        assertThatThrownBy(() -> new SpeculosBus(List.of(new InetSocketAddress("192.0.2.1", 9999))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
