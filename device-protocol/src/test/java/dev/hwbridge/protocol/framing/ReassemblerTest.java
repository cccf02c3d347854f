package dev.hwbridge.protocol.framing;

import static dev.hwbridge.protocol.framing.Reports.bytes;
import static dev.hwbridge.protocol.framing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReassemblerTest {

    private final Reports.FakeTicker ticker = new Reports.FakeTicker();
    private final Reassembler reassembler = new Reassembler(Duration.ofSeconds(3), ticker);

    @Test
    void singleReportPingCompletesAtOnce() throws FramingException {
        // CID 01020304, CMD 81 (PING), BCNT 0003, data 616263 ("abc").
        Optional<Frame> frame = reassembler.accept(report("01020304 81 0003 616263"));

        assertThat(frame).contains(Frame.ping(0x01020304, bytes("616263")));
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void twoReportMessageCompletesOnItsContinuation() throws FramingException {
        byte[] init = report("0000002a 83 003a");
        init[63] = 0x11; // last of the 57 data bytes
        assertThat(reassembler.accept(init)).isEmpty();
        assertThat(reassembler.pendingChannel()).hasValue(0x2a);
        assertThat(reassembler.bufferedCapacity()).isEqualTo(58);

        Optional<Frame> frame = reassembler.accept(report("0000002a 00 22"));

        byte[] expected = new byte[58];
        expected[56] = 0x11;
        expected[57] = 0x22;
        assertThat(frame).contains(Frame.message(0x2a, expected));
        assertThat(reassembler.bufferedCapacity()).isZero();
    }

    @Test
    void continuationWithWrongSequenceIsRejected() throws FramingException {
        // BCNT 0x0100 = 256 bytes: init + continuations 0..3.
        reassembler.accept(report("0000002a 83 0100"));
        reassembler.accept(report("0000002a 00"));

        assertThatThrownBy(() -> reassembler.accept(report("0000002a 02")))
                .isInstanceOfSatisfying(FramingException.class, e -> {
                    assertThat(e.error()).isEqualTo(FrameError.INVALID_SEQUENCE);
                    assertThat(e.channel()).hasValue(0x2a);
                });
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void duplicatedContinuationIsRejected() throws FramingException {
        reassembler.accept(report("0000002a 83 0100"));
        reassembler.accept(report("0000002a 00"));

        assertThatThrownBy(() -> reassembler.accept(report("0000002a 00")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_SEQUENCE));
    }

    @Test
    void continuationWithoutInitIsRejected() {
        assertThatThrownBy(() -> reassembler.accept(report("0000002a 00 0102")))
                .isInstanceOfSatisfying(FramingException.class, e -> {
                    assertThat(e.error()).isEqualTo(FrameError.INVALID_SEQUENCE);
                    assertThat(e.channel()).hasValue(0x2a);
                });
    }

    @Test
    void declaredLengthOverTheLimitIsRejectedBeforeAllocating() {
        // BCNT 1dba = 7610, one more than 57 + 128 * 59.
        assertThatThrownBy(() -> reassembler.accept(report("0000002a 83 1dba")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_LENGTH));
        assertThat(reassembler.bufferedCapacity()).isZero();
    }

    @Test
    void largestDeclaredLengthIsAcceptedAndAllocatedExactly() throws FramingException {
        // BCNT 1db9 = 7609.
        assertThat(reassembler.accept(report("0000002a 83 1db9"))).isEmpty();

        assertThat(reassembler.bufferedCapacity()).isEqualTo(7609);
    }

    @Test
    void largestDeclaredLengthByteIsStillRejected() {
        // BCNT ffff.
        assertThatThrownBy(() -> reassembler.accept(report("0000002a 83 ffff")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_LENGTH));
        assertThat(reassembler.bufferedCapacity()).isZero();
    }

    @Test
    void anotherChannelWhileBusyGetsChannelBusyAndThePendingMessageSurvives() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));

        assertThatThrownBy(() -> reassembler.accept(report("0000002b 81 0001 ff")))
                .isInstanceOfSatisfying(FramingException.class, e -> {
                    assertThat(e.error()).isEqualTo(FrameError.CHANNEL_BUSY);
                    assertThat(e.channel()).hasValue(0x2b);
                });
        assertThatThrownBy(() -> reassembler.accept(report("0000002b 00")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.CHANNEL_BUSY));

        assertThat(reassembler.accept(report("0000002a 00 01"))).hasValueSatisfying(f -> assertThat(f.length()).isEqualTo(58));
    }

    @Test
    void newMessageOnTheSameChannelMidMessageIsInvalidSequence() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));

        assertThatThrownBy(() -> reassembler.accept(report("0000002a 81 0000")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_SEQUENCE));
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void initOnTheBusyChannelResynchronisesIt() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));

        Optional<Frame> frame = reassembler.accept(report("0000002a 86 0008 0102030405060708"));

        assertThat(frame).contains(new InitRequest(bytes("0102030405060708")).toFrame(0x2a));
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void cancelOnTheBusyChannelDropsTheHalfMessage() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));

        assertThat(reassembler.accept(report("0000002a 91 0000"))).contains(Frame.cancel(0x2a));
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void broadcastInitPassesThroughWhileAnotherChannelIsMidMessage() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));

        Optional<Frame> frame = reassembler.accept(report("ffffffff 86 0008 0102030405060708"));

        assertThat(frame).contains(new InitRequest(bytes("0102030405060708")).toFrame());
        assertThat(reassembler.pendingChannel()).hasValue(0x2a);
        assertThat(reassembler.accept(report("0000002a 00 01"))).isPresent();
    }

    @Test
    void reportOfTheWrongSizeIsRejected() {
        assertThatThrownBy(() -> reassembler.accept(bytes("0000002a 81 0000")))
                .isInstanceOfSatisfying(FramingException.class, e -> {
                    assertThat(e.error()).isEqualTo(FrameError.INVALID_LENGTH);
                    assertThat(e.channel()).hasValue(0x2a);
                });
        assertThatThrownBy(() -> reassembler.accept(bytes("0000")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.channel()).isEqualTo(OptionalInt.empty()));
        assertThatThrownBy(() -> reassembler.accept(new byte[65]))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_LENGTH));
    }

    @Test
    void reservedChannelIsRejected() {
        assertThatThrownBy(() -> reassembler.accept(report("00000000 81 0000")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_CHANNEL));
    }

    @Test
    void unknownCommandIsRejectedOnceTheMessageIsComplete() throws FramingException {
        // CMD 0xc0 is no command; BCNT 003a takes a continuation.
        assertThat(reassembler.accept(report("0000002a c0 003a"))).isEmpty();

        assertThatThrownBy(() -> reassembler.accept(report("0000002a 00")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_COMMAND));
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void halfReceivedMessageIsDroppedAfterTheTimeout() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));
        ticker.advance(Duration.ofMillis(2999));
        reassembler.expire();
        assertThat(reassembler.isBusy()).isTrue();

        ticker.advance(Duration.ofMillis(1));

        assertThatThrownBy(reassembler::expire)
                .isInstanceOfSatisfying(FramingException.class, e -> {
                    assertThat(e.error()).isEqualTo(FrameError.MESSAGE_TIMEOUT);
                    assertThat(e.channel()).hasValue(0x2a);
                });
        assertThat(reassembler.isBusy()).isFalse();
        assertThat(reassembler.bufferedCapacity()).isZero();
    }

    @Test
    void lateContinuationAfterTheTimeoutSaysMessageTimeout() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));
        ticker.advance(Duration.ofSeconds(3));

        assertThatThrownBy(() -> reassembler.accept(report("0000002a 00")))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.MESSAGE_TIMEOUT));
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void anotherChannelIsServedOnceTheStaleMessageTimedOut() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));
        ticker.advance(Duration.ofSeconds(4));

        assertThat(reassembler.accept(report("0000002b 81 0001 ff"))).contains(Frame.ping(0x2b, bytes("ff")));
    }

    @Test
    void expireDoesNothingWhenIdle() throws FramingException {
        ticker.advance(Duration.ofHours(1));

        reassembler.expire();

        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void resetForgetsTheHalfMessage() throws FramingException {
        reassembler.accept(report("0000002a 83 003a"));

        reassembler.reset();

        assertThat(reassembler.isBusy()).isFalse();
        assertThat(reassembler.accept(report("0000002b 81 0000"))).isPresent();
    }

    @Test
    void paddingAfterTheDeclaredLengthIsIgnored() throws FramingException {
        assertThat(reassembler.accept(report("00000001 81 0001 aa bbccdd")))
                .contains(Frame.ping(1, bytes("aa")));
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> new Reassembler(Duration.ZERO, ticker)).isInstanceOf(IllegalArgumentException.class);
    }
}
