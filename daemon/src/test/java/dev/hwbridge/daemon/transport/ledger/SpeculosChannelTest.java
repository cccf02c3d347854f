package dev.hwbridge.daemon.transport.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import dev.hwbridge.protocol.ledger.PolkadotGenericApp;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SpeculosChannelTest {

    @Test
    void aReplyCutShortByTheEmulatorStoppingIsGoneAndClosesTheChannel() {
        // length 65, then 3 of its bytes: the emulator stopped mid-reply (LedgerTransportFuzzTest's
        // seed speculos-ends-mid-reply; it was BAD_REPORT, a malformed reply, before).
        LedgerWires.SpeculosWire speculos = LedgerWires.speculos(HexFormat.of().parseHex("00000041" + "000909"));

        assertThatThrownBy(() -> speculos.channel().exchange(PolkadotGenericApp.getVersion()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(Code.DEVICE_GONE));
        assertThat(speculos.socket().isClosed()).isTrue();
        assertThat(speculos.closes().get()).isEqualTo(1);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsBadReportBeforeAnythingIsAllocated() {
        // length 65536 (one over a Ledger message): refused on the header alone
        LedgerWires.SpeculosWire speculos = LedgerWires.speculos(HexFormat.of().parseHex("00010000" + "9000"));

        assertThatThrownBy(() -> speculos.channel().exchange(PolkadotGenericApp.getVersion()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(Code.BAD_REPORT));
        assertThat(speculos.socket().isClosed()).isTrue();
        assertThat(speculos.socket().unread()).as("the body is never read").isEqualTo(2);
    }
}
