package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DeviceFilterTest {

    @Test
    void defaultsArePidCodesVendorAnyProductVendorDefinedUsagePage() {
        DeviceFilter filter = DeviceFilter.defaults();

        assertThat(filter.vendorId()).isEqualTo(0x1209);
        assertThat(filter.productId()).isEmpty();
        assertThat(filter.usagePage()).isEqualTo(0xFF00);
    }

    @Test
    void withoutProductIdEveryProductOfTheVendorMatches() {
        DeviceFilter filter = DeviceFilter.defaults();

        assertThat(filter.matchesUsb(0x1209, 0x0001)).isTrue();
        assertThat(filter.matchesUsb(0x1209, 0xFFFF)).isTrue();
        assertThat(filter.matchesUsb(0x1234, 0x0001)).isFalse();
    }

    @Test
    void aProductIdNarrowsTheMatch() {
        DeviceFilter filter = DeviceFilter.defaults().withProductId(0x53C1);

        assertThat(filter.matchesUsb(0x1209, 0x53C1)).isTrue();
        assertThat(filter.matchesUsb(0x1209, 0x53C0)).isFalse();
        assertThat(filter.withAnyProduct().matchesUsb(0x1209, 0x53C0)).isTrue();
    }

    @Test
    void hidMatchAlsoNeedsTheUsagePage() {
        DeviceFilter filter = DeviceFilter.defaults().withUsagePage(0xFF01);

        assertThat(filter.matchesHid(0x1209, 1, 0xFF01)).isTrue();
        assertThat(filter.matchesHid(0x1209, 1, 0xFF00)).isFalse();
        assertThat(filter.matchesHid(0x1209, 1, 0x0001)).isFalse();
        assertThat(filter.matchesHid(0x2000, 1, 0xFF01)).isFalse();
    }

    @Test
    void vendorIdIsConfigurable() {
        DeviceFilter filter = DeviceFilter.defaults().withVendorId(0x2C97);

        assertThat(filter.matchesUsb(0x2C97, 1)).isTrue();
        assertThat(filter.matchesUsb(0x1209, 1)).isFalse();
    }

    @Test
    void valuesOutsideSixteenBitsAreRejected() {
        assertThatThrownBy(() -> new DeviceFilter(0x10000, OptionalInt.empty(), 0xFF00))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vendorId");
        assertThatThrownBy(() -> new DeviceFilter(-1, OptionalInt.empty(), 0xFF00))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceFilter.defaults().withProductId(0x10000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("productId");
        assertThatThrownBy(() -> DeviceFilter.defaults().withUsagePage(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usagePage");
    }

    @Test
    void aNullProductIdMeansAnyProduct() {
        assertThat(new DeviceFilter(0x1209, null, 0xFF00).productId()).isEmpty();
    }

    @Test
    void toStringShowsIdsInHex() {
        assertThat(DeviceFilter.defaults().withProductId(0x53C1).toString())
                .isEqualTo("DeviceFilter[vendor=1209, product=53c1, usagePage=ff00]");
    }
}
