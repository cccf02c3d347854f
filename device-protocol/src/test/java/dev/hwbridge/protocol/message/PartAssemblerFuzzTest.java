package dev.hwbridge.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import java.util.Optional;

/**
 * A device's PartAssembler fed arbitrary RequestParts (offsets, declared lengths and data sizes
 * chosen by the fuzzer), then the assembled bytes parsed as a Request: only MessageExceptions, the
 * assembly never over 64 KiB, and a completed assembly exactly as long as declared.
 */
class PartAssemblerFuzzTest {

    @FuzzTest
    void anyPartsAssembleWithinTheBoundOrAreRefused(FuzzedDataProvider data) {
        PartAssembler assembler = new PartAssembler();
        for (int i = 0; i < 16 && data.remainingBytes() > 0; i++) {
            int total = data.consumeInt();
            int offset = data.consumeBoolean() ? assembler.received() : data.consumeInt();
            byte[] bytes = data.consumeBytes(data.consumeInt(0, MessageParts.MAX_PART_DATA + 2));
            RequestPart part = RequestPart.newBuilder().setTotalLength(total).setOffset(offset)
                    .setData(ByteString.copyFrom(bytes)).build();
            try {
                Optional<byte[]> whole = assembler.accept(part);
                assertThat(assembler.received()).isBetween(0, MessageParts.MAX_MESSAGE_SIZE);
                if (whole.isPresent()) {
                    assertThat(whole.get()).hasSize(total);
                    MessageParts.parseAssembled(whole.get());
                }
            } catch (MessageException e) {
                assertThat(e.code()).isNotNull();
            }
        }
    }
}
