package dev.hwbridge.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartAssemblerTest {

    private static Request sign(int payloadBytes) {
        return Request.newBuilder().setSignPayload(SignPayload.newBuilder()
                .setScheme(KeyScheme.SR25519)
                .setKind(SignPayload.Kind.TRANSACTION)
                .setPayload(ByteString.copyFrom(new byte[payloadBytes]))
                .setMetadataProof(ByteString.copyFrom(new byte[payloadBytes])))
                .build();
    }

    private static RequestPart part(int total, int offset, int length) {
        return RequestPart.newBuilder().setTotalLength(total).setOffset(offset)
                .setData(ByteString.copyFrom(new byte[length])).build();
    }

    @Test
    void theSplitPartsAssembleToTheRequest() throws MessageException {
        Request request = sign(12_000);
        List<Request> parts = MessageParts.split(request);
        PartAssembler assembler = new PartAssembler();

        assertThat(parts).hasSize(4);
        Optional<byte[]> whole = Optional.empty();
        for (Request part : parts) {
            assertThat(whole).isEmpty();
            whole = assembler.accept(part.getRequestPart());
        }

        assertThat(MessageParts.parseAssembled(whole.orElseThrow())).isEqualTo(request);
        assertThat(assembler.received()).isZero();
    }

    @Test
    void aPartThatDoesNotContinueTheAssemblyIsRefusedAndDropsIt() throws MessageException {
        PartAssembler assembler = new PartAssembler();
        assembler.accept(part(10_000, 0, 7000));

        assertThatThrownBy(() -> assembler.accept(part(10_000, 7001, 100))).isInstanceOf(MessageException.class);
        assertThat(assembler.received()).isZero();
        assertThatThrownBy(() -> assembler.accept(part(10_000, 7000, 3000)))
                .as("the assembly is gone").isInstanceOf(MessageException.class);
    }

    @Test
    void aPartWithAnotherTotalOrTooMuchOrNoDataIsRefused() throws MessageException {
        PartAssembler assembler = new PartAssembler();
        assembler.accept(part(10_000, 0, 7000));
        assertThatThrownBy(() -> assembler.accept(part(10_001, 7000, 100))).isInstanceOf(MessageException.class);

        assembler.accept(part(10_000, 0, 7000));
        assertThatThrownBy(() -> assembler.accept(part(10_000, 7000, 3001))).isInstanceOf(MessageException.class);

        assembler.accept(part(10_000, 0, 7000));
        assertThatThrownBy(() -> assembler.accept(part(10_000, 7000, 0))).isInstanceOf(MessageException.class);

        assertThatThrownBy(() -> assembler.accept(part(20_000, 0, MessageParts.MAX_PART_DATA + 1)))
                .isInstanceOf(MessageException.class);
    }

    @Test
    void aDeclaredLengthOutOfRangeIsRefusedBeforeAnythingIsSetAside() {
        PartAssembler assembler = new PartAssembler();

        assertThatThrownBy(() -> assembler.accept(part(Messages.MAX_SIZE, 0, 100)))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.OVERSIZE));
        assertThatThrownBy(() -> assembler.accept(part(MessageParts.MAX_MESSAGE_SIZE + 1, 0, 100)))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.OVERSIZE));
        assertThatThrownBy(() -> assembler.accept(part(-1, 0, 100))).isInstanceOf(MessageException.class);
    }

    @Test
    void aPartAtOffsetZeroStartsOver() throws MessageException {
        Request request = sign(8000);
        List<Request> parts = MessageParts.split(request);
        PartAssembler assembler = new PartAssembler();
        assembler.accept(part(30_000, 0, 7000));

        Optional<byte[]> whole = Optional.empty();
        for (Request part : parts) {
            whole = assembler.accept(part.getRequestPart());
        }

        assertThat(MessageParts.parseAssembled(whole.orElseThrow())).isEqualTo(request);
    }

    @Test
    void onlyWholeOperationsOfAtMost64KiBAreSplit() {
        assertThatThrownBy(() -> MessageParts.split(sign(33_000))).isInstanceOfSatisfying(MessageException.class,
                e -> assertThat(e.code()).isEqualTo(MessageError.OVERSIZE));
        assertThatThrownBy(() -> MessageParts.split(Request.newBuilder().setRequestPart(part(9000, 0, 1)).build()))
                .isInstanceOf(MessageException.class);
    }

    @Test
    void anAssembledPartOrEmptyRequestIsRefused() {
        byte[] nested = Request.newBuilder().setRequestPart(part(9000, 0, 1)).build().toByteArray();

        assertThatThrownBy(() -> MessageParts.parseAssembled(nested)).isInstanceOfSatisfying(MessageException.class,
                e -> assertThat(e.code()).isEqualTo(MessageError.UNKNOWN_MESSAGE));
        assertThatThrownBy(() -> MessageParts.parseAssembled(new byte[] {(byte) 0xff}))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.MALFORMED));
    }
}
