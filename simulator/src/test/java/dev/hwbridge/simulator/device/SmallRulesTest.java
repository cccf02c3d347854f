package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.SignPayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The device's small rules: PIN delays and syntax, names, what is signed. */
class SmallRulesTest {

    @Test
    void pinDelaysStartAfterTheThirdFailureAndDoubleUpToAMinute() {
        assertThat(PinDelay.before(0)).isZero();
        assertThat(PinDelay.before(2)).isZero();
        assertThat(PinDelay.before(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PinDelay.before(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PinDelay.before(8)).isEqualTo(Duration.ofSeconds(32));
        assertThat(PinDelay.before(9)).isEqualTo(Duration.ofSeconds(60));
        assertThat(PinDelay.before(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aPinIsFourToSixteenDigits() {
        assertThat(PinRules.isValid("1234")).isTrue();
        assertThat(PinRules.isValid("1234567890123456")).isTrue();
        assertThat(PinRules.isValid("123")).isFalse();
        assertThat(PinRules.isValid("12345678901234567")).isFalse();
        assertThat(PinRules.isValid("12a4")).isFalse();
        assertThat(PinRules.isValid("١٢٣٤")).as("other scripts' digits").isFalse();
        assertThat(PinRules.isValid("")).isFalse();
    }

    @Test
    void namesAreTrimmedPrintableAndShort() {
        assertThat(IdentityNames.check("  savings ", "a name")).isEqualTo("savings");
        assertThat(IdentityNames.check("", "a name")).isEmpty();
        assertThat(IdentityNames.check("日本".repeat(10), "a name")).isEqualTo("日本".repeat(10));
        assertThatThrownBy(() -> IdentityNames.check("a\nb", "a name")).isInstanceOfSatisfying(FlowFailure.class,
                e -> assertThat(e.code()).isEqualTo(Failure.Code.INVALID_REQUEST));
        assertThatThrownBy(() -> IdentityNames.check("x".repeat(65), "a name")).isInstanceOf(FlowFailure.class);
        assertThatThrownBy(() -> IdentityNames.check("a\u200Eb", "a name")).isInstanceOf(FlowFailure.class);
    }

    @Test
    void rawMessagesAreWrappedOnceAndNeverHashed() {
        byte[] text = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] wrapped = "<Bytes>hello</Bytes>".getBytes(StandardCharsets.US_ASCII);
        assertThat(SigningMessage.of(SignPayload.Kind.RAW, text)).isEqualTo(wrapped);
        assertThat(SigningMessage.of(SignPayload.Kind.RAW, wrapped)).isEqualTo(wrapped);
        byte[] empty = "<Bytes></Bytes>".getBytes(StandardCharsets.US_ASCII);
        assertThat(SigningMessage.of(SignPayload.Kind.RAW, empty)).isEqualTo(empty);
        byte[] half = "<Bytes>hello".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(SigningMessage.of(SignPayload.Kind.RAW, half), StandardCharsets.US_ASCII))
                .isEqualTo("<Bytes><Bytes>hello</Bytes>");
        byte[] big = new byte[1000];
        assertThat(SigningMessage.of(SignPayload.Kind.RAW, big)).hasSize(1000 + 15);
    }

    @Test
    void transactionsOverTwoHundredFiftySixBytesAreHashed() {
        byte[] exactly = new byte[256];
        Arrays.fill(exactly, (byte) 1);
        byte[] longer = Arrays.copyOf(exactly, 257);
        assertThat(SigningMessage.of(SignPayload.Kind.TRANSACTION, exactly)).isEqualTo(exactly);
        assertThat(SigningMessage.of(SignPayload.Kind.TRANSACTION, longer)).isEqualTo(Blake2b.hash256(longer));
        assertThatThrownBy(() -> SigningMessage.of(SignPayload.Kind.TRANSACTION, new byte[0]))
                .isInstanceOfSatisfying(FlowFailure.class, e -> assertThat(e.code()).isEqualTo(Failure.Code.INVALID_PAYLOAD));
    }

    @Test
    void rawTextIsPreviewedOnlyWhenItIsPrintable() {
        assertThat(SignFlow.preview("<Bytes>hi there</Bytes>".getBytes(StandardCharsets.UTF_8))).hasValue("\"hi there\"");
        assertThat(SignFlow.preview(new byte[] {(byte) 0xC3, 0x28})).isEmpty();
        assertThat(SignFlow.preview("a\u0007b".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(SignFlow.preview("x".repeat(100).getBytes(StandardCharsets.UTF_8)))
                .hasValue("\"" + "x".repeat(64) + "…\"");
    }
}
