package dev.hwbridge.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Parses arbitrary MSG payloads as both envelopes: the device reads Requests from any host, the
 * host reads Responses from any device. Each input is read both ways.
 */
class MessagesFuzzTest {

    @FuzzTest
    void anyPayloadParsesToAnEnvelopeThatRoundTripsOrIsRefusedWithACode(byte[] payload) {
        try {
            Request request = Messages.parseRequest(payload);
            assertThat(request.getBodyCase()).isNotEqualTo(Request.BodyCase.BODY_NOT_SET);
            assertThat(Redaction.describe(request)).isNotEmpty();
            assertThat(Redaction.redact(request).getBodyCase()).isEqualTo(request.getBodyCase());
            assertThat(reparsedRequest(request)).isEqualTo(request);
        } catch (MessageException refused) {
            assertThat(refused.code()).isIn(MessageError.MALFORMED, MessageError.UNKNOWN_MESSAGE, MessageError.OVERSIZE);
        }
        try {
            Response response = Messages.parseResponse(payload);
            assertThat(response.getBodyCase()).isNotEqualTo(Response.BodyCase.BODY_NOT_SET);
            assertThat(Redaction.describe(response)).isNotEmpty();
            Messages.isFinal(response);
            assertThat(reparsedResponse(response)).isEqualTo(response);
        } catch (MessageException refused) {
            assertThat(refused.code()).isIn(MessageError.MALFORMED, MessageError.UNKNOWN_MESSAGE, MessageError.OVERSIZE);
        }
    }

    /** Encodes and parses again; re-encoding may grow (explicit defaults, map keys) past a frame, which is OVERSIZE. */
    private static Request reparsedRequest(Request request) throws MessageException {
        try {
            return Messages.parseRequest(Messages.encode(request));
        } catch (MessageException oversize) {
            assertThat(oversize.code()).isEqualTo(MessageError.OVERSIZE);
            return request;
        }
    }

    private static Response reparsedResponse(Response response) throws MessageException {
        try {
            return Messages.parseResponse(Messages.encode(response));
        } catch (MessageException oversize) {
            assertThat(oversize.code()).isEqualTo(MessageError.OVERSIZE);
            return response;
        }
    }
}
