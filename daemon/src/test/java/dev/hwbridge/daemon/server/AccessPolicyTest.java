package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessPolicyTest {

    private final AccessPolicy policy = AccessPolicy.forPort(21335, InetAddress.getLoopbackAddress(),
            List.of("https://wallet.example/", "chrome-extension://abcdefghijklmnop", "http://localhost:3000"));

    @Test
    void defaultOriginsAreTheDaemonsOwnPages() {
        AccessPolicy plain = AccessPolicy.forPort(4000, InetAddress.getLoopbackAddress(), List.of());

        assertThat(plain.allowedOrigins()).containsExactlyInAnyOrder(
                "http://127.0.0.1:4000", "http://localhost:4000", "http://[0:0:0:0:0:0:0:1]:4000");
        assertThat(plain.originAllowed("http://[::1]:4000")).isTrue();
        assertThat(plain.originAllowed("http://localhost:4001")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:21335, true", "localhost:21335, true", "[::1]:21335, true", "[0::1]:21335, true",
        "127.0.0.1:21336, false", "127.0.0.1, false", "127.0.0.2:21335, false", "evil.example:21335, false",
        "localhost.:21335, false", "user@localhost:21335, false", "[::2]:21335, false", "[zz]:21335, false",
        "localhost:021335, false", "localhost:99999999, false", "'', false"})
    void hostMustBeALoopbackNameWithOurPort(String host, boolean allowed) {
        assertThat(policy.hostAllowed(host)).isEqualTo(allowed);
    }

    @Test
    void specificBindAddressIsAcceptedAsHostAndOrigin() throws Exception {
        AccessPolicy lan = AccessPolicy.forPort(21335, InetAddress.getByName("192.0.2.7"), List.of());

        assertThat(lan.hostAllowed("192.0.2.7:21335")).isTrue();
        assertThat(lan.originAllowed("http://192.0.2.7:21335")).isTrue();
        AccessPolicy wildcard = AccessPolicy.forPort(21335, InetAddress.getByName("0.0.0.0"), List.of());
        assertThat(wildcard.hostAllowed("0.0.0.0:21335")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "https://wallet.example, true", "HTTPS://WALLET.EXAMPLE, true", "https://wallet.example:443, true",
        "chrome-extension://abcdefghijklmnop, true", "http://localhost:3000, true",
        "https://wallet.example:444, false", "https://sub.wallet.example, false", "https://wallet.example.evil, false",
        "https://evilwallet.example, false", "null, false", "https://wallet.example/path, false",
        "'', false", "wallet.example, false"})
    void originMustMatchWhole(String origin, boolean allowed) {
        assertThat(policy.originAllowed(origin)).isEqualTo(allowed);
    }

    @Test
    void absentOriginPassesPresentOnesAreChecked() {
        assertThat(policy.refusal(List.of("localhost:21335"), List.of())).isEmpty();
        assertThat(policy.refusal(List.of("localhost:21335"), List.of("https://evil.example"))).isPresent();
        assertThat(policy.refusal(List.of("localhost:21335"), List.of("https://wallet.example", "https://wallet.example")))
                .isPresent();
        assertThat(policy.refusal(List.of(), List.of())).contains("no Host header");
    }

    @Test
    void originsAreNormalisedAsBrowsersSendThem() {
        assertThat(AccessPolicy.normalizeOrigin(" HTTP://LocalHost:80/ ")).isEqualTo("http://localhost");
        assertThat(AccessPolicy.normalizeOrigin("https://[::1]:8443")).isEqualTo("https://[0:0:0:0:0:0:0:1]:8443");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "wallet.example", "https://wallet.example/app", "https://", "https://a:0",
        "https://a:70000", "https://a?x", "https://user@a", "*"})
    void malformedOriginsAreRefusedInConfiguration(String origin) {
        assertThatThrownBy(() -> AccessPolicy.normalizeOrigin(origin)).isInstanceOf(IllegalArgumentException.class);
    }
}
