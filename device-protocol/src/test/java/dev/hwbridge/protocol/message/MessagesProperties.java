package dev.hwbridge.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MessagesProperties {

    @Test
    void everyOperationAndReplyTypeIsCovered() {
        // Guards the two properties below against a oneof they would silently miss.
        assertThat(RandomMessages.operations()).hasSize(Request.BodyCase.values().length - 1);
        assertThat(RandomMessages.replies()).hasSize(Response.BodyCase.values().length - 1);
    }

    @Property(tries = 500)
    void everyRequestRoundTrips(@ForAll("operations") FieldDescriptor operation, @ForAll Random random)
            throws MessageException {
        Request request = RandomMessages.request(operation, random);

        assertThat(Messages.parseRequest(Messages.encode(request))).isEqualTo(request);
    }

    @Property(tries = 500)
    void everyResponseRoundTrips(@ForAll("replies") FieldDescriptor reply, @ForAll Random random)
            throws MessageException {
        Response response = RandomMessages.response(reply, random);

        assertThat(Messages.parseResponse(Messages.encode(response))).isEqualTo(response);
    }

    @Property
    void junkIsParsedOrRefusedWithAMessageException(@ForAll("junk") byte[] junk) {
        try {
            Request request = Messages.parseRequest(junk);
            assertThat(request.getBodyCase()).isNotEqualTo(Request.BodyCase.BODY_NOT_SET);
        } catch (MessageException refused) {
            assertThat(refused.code()).isNotNull();
        }
        try {
            Response response = Messages.parseResponse(junk);
            assertThat(response.getBodyCase()).isNotEqualTo(Response.BodyCase.BODY_NOT_SET);
        } catch (MessageException refused) {
            assertThat(refused.code()).isNotNull();
        }
    }

    @Property(tries = 300)
    void truncatedMessagesAreRefusedOrStillWellFormed(@ForAll("operations") FieldDescriptor operation,
                                                      @ForAll Random random) throws MessageException {
        byte[] encoded = Messages.encode(RandomMessages.request(operation, random));
        byte[] cut = java.util.Arrays.copyOf(encoded, random.nextInt(encoded.length + 1));

        try {
            assertThat(Messages.parseRequest(cut).getBodyCase()).isNotEqualTo(Request.BodyCase.BODY_NOT_SET);
        } catch (MessageException refused) {
            assertThat(refused.code()).isIn(MessageError.MALFORMED, MessageError.UNKNOWN_MESSAGE);
        }
    }

    @Provide
    Arbitrary<FieldDescriptor> operations() {
        return Arbitraries.of(RandomMessages.operations());
    }

    @Provide
    Arbitrary<FieldDescriptor> replies() {
        return Arbitraries.of(RandomMessages.replies());
    }

    @Provide
    Arbitrary<byte[]> junk() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.bytes().array(byte[].class).ofMinSize(Messages.MAX_SIZE - 2).ofMaxSize(Messages.MAX_SIZE + 2));
    }
}
