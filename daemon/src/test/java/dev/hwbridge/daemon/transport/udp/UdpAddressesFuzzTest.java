package dev.hwbridge.daemon.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Parses arbitrary text as a simulator address ({@code --simulator}, the config file): a loopback
 * address that prints back to itself, or an IllegalArgumentException, and never a name looked up
 * in DNS.
 */
class UdpAddressesFuzzTest {

    @FuzzTest
    void anyTextGivesALoopbackAddressOrIsRefusedWithoutALookup(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            InetSocketAddress address = UdpAddresses.parse(text);
            assertThat(address.isUnresolved()).isFalse();
            assertThat(address.getAddress().isLoopbackAddress()).isTrue();
            assertThat(address.getPort()).isBetween(1, 65535);
            String path = UdpAddresses.path(address);
            assertThat(UdpAddresses.parse(path.substring(UdpAddresses.TRANSPORT.length() + 1))).isEqualTo(address);
        } catch (IllegalArgumentException refused) {
            if (refused.getCause() instanceof UnknownHostException failure) {
                // InetAddress.getByName refuses a malformed literal itself (an invalid IPv6 literal,
                // an unknown zone id, or an ambiguous IPv4 literal with an IllegalArgumentException
                // cause); any other UnknownHostException comes from the system resolver: the host
                // was looked up.
                String message = String.valueOf(failure.getMessage());
                boolean literalRefused = failure.getCause() instanceof IllegalArgumentException
                        || message.contains("IPv6 address") || message.startsWith("no such interface");
                assertThat(literalRefused).as("%s was looked up as a name (%s)", text, failure.getMessage()).isTrue();
            }
        }
    }
}
