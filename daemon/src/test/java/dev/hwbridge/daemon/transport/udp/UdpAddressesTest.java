package dev.hwbridge.daemon.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class UdpAddressesTest {

    @Test
    void loopbackLiteralsParse() {
        assertThat(UdpAddresses.parse("127.0.0.1:21336")).isEqualTo(new InetSocketAddress("127.0.0.1", 21336));
        assertThat(UdpAddresses.parse("[::1]:21336").getAddress().isLoopbackAddress()).isTrue();
        assertThat(UdpAddresses.parse("localhost:21336").getAddress().isLoopbackAddress()).isTrue();
        assertThat(UdpAddresses.parse("127.1.2.3:5").getPort()).isEqualTo(5);
    }

    @Test
    void nonLoopbackAddressIsRefused() {
        assertThatThrownBy(() -> UdpAddresses.parse("192.0.2.1:21336"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> UdpAddresses.parse("0.0.0.0:21336")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpAddresses.parse("[2001:db8::1]:21336")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostNamesOtherThanLocalhostAreRefusedWithoutALookup() {
        assertThatThrownBy(() -> UdpAddresses.parse("simulator.example:21336"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback IP address or localhost");
    }

    /** Found by UdpAddressesFuzzTest: getByName resolves whatever it cannot read as a literal. */
    @Test
    void namesThatLookLikeLiteralsAreRefusedWithoutALookup() {
        for (String text : new String[] {".1'072:.0.':70036", "simulator:x:21336", "[host:1]:21336", "999.0.0.1:1",
            "127.0.0.256:1", ".1:2:3"}) {
            assertThatThrownBy(() -> UdpAddresses.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class).hasNoCause()
                    .hasMessageContaining("loopback IP address or localhost");
        }
    }

    @Test
    void everyLoopbackLiteralFormStillParses() {
        assertThat(UdpAddresses.parse("127.000.000.001:1").getAddress().isLoopbackAddress()).isTrue();
        assertThat(UdpAddresses.parse("[0:0:0:0:0:0:0:1]:1").getAddress().isLoopbackAddress()).isTrue();
        assertThat(UdpAddresses.parse("[::ffff:127.0.0.1]:1").getAddress().isLoopbackAddress()).isTrue();
        assertThat(UdpAddresses.parse("127.255.255.254:1").getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void malformedAddressesAreRefused() {
        assertThatThrownBy(() -> UdpAddresses.parse("127.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpAddresses.parse("127.0.0.1:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpAddresses.parse("127.0.0.1:port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpAddresses.parse("127.0.0.1:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpAddresses.parse("127.0.0.1:65536")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpAddresses.parse("999.0.0.1:1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unresolvedAddressIsRefused() {
        assertThatThrownBy(() -> UdpAddresses.requireLoopback(InetSocketAddress.createUnresolved("localhost", 21336)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathNamesTransportHostAndPort() {
        assertThat(UdpAddresses.path(new InetSocketAddress("127.0.0.1", 21336))).isEqualTo("udp:127.0.0.1:21336");
        assertThat(UdpAddresses.path(UdpAddresses.parse("[::1]:7"))).isEqualTo("udp:[0:0:0:0:0:0:0:1]:7");
    }
}
