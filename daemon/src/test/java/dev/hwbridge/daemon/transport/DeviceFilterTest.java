package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.transport.DeviceFilter.KnownDevice;
import dev.hwbridge.daemon.transport.DeviceFilter.Kind;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DeviceFilterTest {

    private final DeviceFilter filter = DeviceFilter.defaults();

    @Test
    void hwbridgeSignersAreOneExactPidCodesPair() {
        assertThat(filter.matchesUsb(0x1209, 0x0001)).isTrue();
        assertThat(filter.matchesHid(0x1209, 0x0001, 0xFF00)).isTrue();
        assertThat(filter.knownUsb(0x1209, 0x0001)).map(KnownDevice::kind).contains(Kind.HWBRIDGE);
    }

    @Test
    void otherProductsOfPidCodesAreUnknown() {
        // Trezor One/T (53c1), the Trezor bootloader (53c0), other pid.codes test ids.
        for (int product : new int[] {0x53C1, 0x53C0, 0x0000, 0x0002, 0x0FFF, 0xFFFF}) {
            assertThat(filter.knownUsb(0x1209, product)).as("1209:%04x", product).isEmpty();
            assertThat(filter.matchesUsb(0x1209, product)).isFalse();
            assertThat(filter.matchesHid(0x1209, product, 0xFF00)).isFalse();
        }
    }

    @Test
    void theHwbridgeHidInterfaceIsTheVendorUsagePageOnly() {
        assertThat(filter.matchesHid(0x1209, 0x0001, 0xF1D0)).isFalse();
        assertThat(filter.matchesHid(0x1209, 0x0001, 0x0001)).isFalse();
    }

    @Test
    void ledgersAreKnownByVendorButNotOpened() {
        assertThat(filter.knownHid(0x2C97, 0x4011, 0xFFA0)).map(KnownDevice::kind).contains(Kind.LEDGER);
        assertThat(filter.knownUsb(0x2C97, 0x0001)).map(KnownDevice::kind).contains(Kind.LEDGER);
        assertThat(filter.matchesHid(0x2C97, 0x4011, 0xFFA0)).isFalse();
        assertThat(filter.matchesUsb(0x2C97, 0x4011)).isFalse();
        assertThat(filter.knownHid(0x2C97, 0x4011, 0xF1D0)).as("its FIDO interface").isEmpty();
    }

    @Test
    void theHidBusFilterOpensTheLedgersApduInterfaceAndNothingElseMore() {
        DeviceFilter hid = filter.withLedgersOpened();

        assertThat(hid.matchesHid(0x2C97, 0x4011, 0xFFA0)).isTrue();
        assertThat(hid.matchesHid(0x2C97, 0x4011, 0xF1D0)).as("its FIDO interface").isFalse();
        assertThat(hid.matchesHid(0x1209, 0x53C1, 0xFF00)).as("Trezor").isFalse();
        assertThat(hid.matchesHid(0x1209, 0x0001, 0xFF00)).isTrue();
    }

    @Test
    void otherVendorsAreUnknown() {
        assertThat(filter.knownUsb(0x046D, 0xC52B)).isEmpty();
        assertThat(filter.knownHid(0x046D, 0xC52B, 0xFF00)).isEmpty();
    }

    @Test
    void onlyOpenedVendorsAreWatchedForHotPlug() {
        assertThat(filter.openedVendorIds()).containsExactly(0x1209);
    }

    @Test
    void aGrantedProductIdReplacesTheTestOne() {
        DeviceFilter granted = filter.withProductId(0x1234);

        assertThat(granted.matchesUsb(0x1209, 0x1234)).isTrue();
        assertThat(granted.matchesUsb(0x1209, 0x0001)).isFalse();
        assertThat(granted.knownUsb(0x2C97, 1)).isPresent();
    }

    @Test
    void anotherUsagePageReplacesTheVendorOne() {
        DeviceFilter other = filter.withUsagePage(0xFF01);

        assertThat(other.matchesHid(0x1209, 0x0001, 0xFF01)).isTrue();
        assertThat(other.matchesHid(0x1209, 0x0001, 0xFF00)).isFalse();
    }

    @Test
    void idsOutOfSixteenBitsAreRefused() {
        assertThatThrownBy(() -> new KnownDevice(Kind.HWBRIDGE, 0x10000, OptionalInt.empty(), 0xFF00, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vendorId");
        assertThatThrownBy(() -> filter.withProductId(0x10000)).hasMessageContaining("productId");
        assertThatThrownBy(() -> filter.withUsagePage(-5)).hasMessageContaining("usagePage");
    }

    @Test
    void toStringNamesEachKnownDevice() {
        assertThat(filter.toString())
                .isEqualTo("DeviceFilter[HWBRIDGE 1209:0001 page ff00, LEDGER 2c97:any page ffa0 (not opened)]");
    }
}
