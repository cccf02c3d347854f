package dev.hwbridge.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void getFeaturesEncodesAsFieldOneEmpty() throws MessageException {
        Request request = Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build();

        // 0a = field 1 (get_features), wire type 2; 00 = length 0.
        assertThat(Messages.encode(request)).isEqualTo(bytes("0a 00"));
        assertThat(Messages.parseRequest(bytes("0a 00"))).isEqualTo(request);
    }

    @Test
    void userRejectedFailureEncodesByteExact() throws MessageException {
        Response response = Response.newBuilder()
                .setFailure(Failure.newBuilder().setCode(Failure.Code.USER_REJECTED)).build();

        // 32 = field 6 (failure), wire type 2; 02 = length; 08 01 = code 1.
        assertThat(Messages.encode(response)).isEqualTo(bytes("32 02 08 01"));
        assertThat(Messages.parseResponse(bytes("32 02 08 01"))).isEqualTo(response);
    }

    @Test
    void emptyBytesAreAnUnknownMessage() {
        assertThatThrownBy(() -> Messages.parseRequest(new byte[0]))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.UNKNOWN_MESSAGE));
        assertThatThrownBy(() -> Messages.parseResponse(new byte[0]))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.UNKNOWN_MESSAGE));
    }

    @Test
    void operationFromANewerVersionIsRefusedAsUnknown() {
        // 9a 06 = field 99, wire type 2; 00 = length 0: well-formed, but no operation this version has.
        assertThatThrownBy(() -> Messages.parseRequest(bytes("9a 06 00")))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.UNKNOWN_MESSAGE));
    }

    @Test
    void truncatedFieldIsMalformed() {
        // 3a 10 = field 7 (sign_payload) claiming 16 bytes, but only 2 follow.
        assertThatThrownBy(() -> Messages.parseRequest(bytes("3a 10 0801")))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.MALFORMED));
    }

    @Test
    void invalidUtf8InAStringIsMalformed() {
        // sign_payload { path (field 2) = ff fe }: not UTF-8.
        assertThatThrownBy(() -> Messages.parseRequest(bytes("3a 04 12 02 fffe")))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.MALFORMED));
    }

    @Test
    void inputLongerThanAFrameIsOversizeBeforeParsing() {
        byte[] big = new byte[Messages.MAX_SIZE + 1];

        assertThatThrownBy(() -> Messages.parseRequest(big))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.OVERSIZE));
        assertThatThrownBy(() -> Messages.parseResponse(big))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.OVERSIZE));
    }

    @Test
    void payloadTooBigForOneFrameIsRefusedOnEncoding() {
        Request request = Request.newBuilder().setSignPayload(SignPayload.newBuilder()
                .setPayload(ByteString.copyFrom(new byte[Messages.MAX_SIZE]))).build();

        assertThatThrownBy(() -> Messages.encode(request))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.OVERSIZE));
    }

    @Test
    void largestPayloadThatFitsIsAccepted() throws MessageException {
        // 3a = field 7, length varint (2 bytes), then 32 = field 6, length varint (2 bytes): 6 bytes of envelope.
        Request request = Request.newBuilder().setSignPayload(SignPayload.newBuilder()
                .setPayload(ByteString.copyFrom(new byte[Messages.MAX_SIZE - 6]))).build();

        byte[] encoded = Messages.encode(request);

        assertThat(encoded).hasSize(Messages.MAX_SIZE);
        assertThat(Messages.parseRequest(encoded)).isEqualTo(request);
    }

    @Test
    void envelopeWithoutABodyCannotBeEncoded() {
        assertThatThrownBy(() -> Messages.encode(Request.getDefaultInstance()))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.UNKNOWN_MESSAGE));
        assertThatThrownBy(() -> Messages.encode(Response.getDefaultInstance()))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.UNKNOWN_MESSAGE));
    }

    @Test
    void interimRepliesAreNotFinal() {
        assertThat(Messages.isFinal(Response.newBuilder().setButtonRequest(ButtonRequest.getDefaultInstance()).build())).isFalse();
        assertThat(Messages.isFinal(Response.newBuilder().setProgress(Progress.getDefaultInstance()).build())).isFalse();
        assertThat(Messages.isFinal(Response.newBuilder().setInputRequest(InputRequest.getDefaultInstance()).build())).isFalse();
        assertThat(Messages.isFinal(Response.getDefaultInstance())).isFalse();
    }

    @Test
    void everyOtherReplyIsFinal() {
        assertThat(Messages.isFinal(Response.newBuilder().setFeatures(Features.getDefaultInstance()).build())).isTrue();
        assertThat(Messages.isFinal(Response.newBuilder().setPublicKey(PublicKey.getDefaultInstance()).build())).isTrue();
        assertThat(Messages.isFinal(Response.newBuilder().setPublicKeys(PublicKeys.getDefaultInstance()).build())).isTrue();
        assertThat(Messages.isFinal(Response.newBuilder().setSignature(Signature.getDefaultInstance()).build())).isTrue();
        assertThat(Messages.isFinal(Response.newBuilder().setEncryptedJson(EncryptedJson.getDefaultInstance()).build())).isTrue();
        assertThat(Messages.isFinal(Response.newBuilder().setSuccess(Success.getDefaultInstance()).build())).isTrue();
        assertThat(Messages.isFinal(Response.newBuilder().setFailure(Failure.getDefaultInstance()).build())).isTrue();
    }

    @Test
    void keySchemesMapBothWays() throws MessageException {
        for (dev.hwbridge.protocol.account.KeyScheme scheme : dev.hwbridge.protocol.account.KeyScheme.values()) {
            assertThat(KeySchemes.fromProto(KeySchemes.toProto(scheme))).isEqualTo(scheme);
            assertThat(KeySchemes.toProto(scheme).name()).isEqualTo(scheme.name());
        }
    }

    @Test
    void unspecifiedOrUnknownKeySchemeIsAnInvalidField() throws MessageException {
        assertThatThrownBy(() -> KeySchemes.fromProto(KeyScheme.KEY_SCHEME_UNSPECIFIED))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.INVALID_FIELD));
        // derive_public_key { scheme = 9 }: a scheme number this version does not know.
        Request request = Messages.parseRequest(bytes("32 02 08 09"));
        assertThat(request.getDerivePublicKey().getScheme()).isEqualTo(KeyScheme.UNRECOGNIZED);
        assertThatThrownBy(() -> KeySchemes.fromProto(request.getDerivePublicKey().getScheme()))
                .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.code()).isEqualTo(MessageError.INVALID_FIELD));
    }
}
