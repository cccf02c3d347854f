package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DevicePathsTest {

    @Test
    void pathIsTransportAndSixteenHexDigitsOfSha256() {
        // printf '/dev/hidraw0' | sha256sum -> 3b4d97441c2ac569…; printf '1-2.4' | sha256sum -> a0d9270890e9ee18…
        assertThat(DevicePaths.of("hid", "/dev/hidraw0")).isEqualTo("hid:3b4d97441c2ac569");
        assertThat(DevicePaths.of("usb", "1-2.4")).isEqualTo("usb:a0d9270890e9ee18");
    }

    @Test
    void sameLocationGivesSamePathAndOtherLocationsDiffer() {
        assertThat(DevicePaths.of("usb", "1-2.4")).isEqualTo(DevicePaths.of("usb", "1-2.4"));
        assertThat(DevicePaths.of("usb", "1-2.4")).isNotEqualTo(DevicePaths.of("usb", "1-2.3"));
    }

    @Property(tries = 200)
    void pathNeverShowsTheOsLocation(@ForAll String location) {
        String path = DevicePaths.of("hid", location);

        assertThat(path).matches("hid:[0-9a-f]{16}");
        if (location.length() > 16) {
            assertThat(path).doesNotContain(location);
        }
    }
}
