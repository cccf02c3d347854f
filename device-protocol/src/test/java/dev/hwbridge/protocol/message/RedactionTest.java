package dev.hwbridge.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(password|passphrase|pin|mnemonic|seed|secret|word).*");

    @Test
    void everyFieldNamedLikeASecretIsListed() {
        for (Descriptor type : DeviceProto.getDescriptor().getMessageTypes()) {
            for (FieldDescriptor field : type.getFields()) {
                boolean looksSecret = SECRET_NAME.matcher(field.getName().toLowerCase(Locale.ROOT)).matches()
                        && !field.getName().equals("word_count") && !field.getName().equals("pin_set")
                        && !field.getName().equals("ask_password");
                // A piece of another encoded Request may hold that request's password.
                boolean pieceOfARequest = field.getFullName().equals("hwbridge.device.RequestPart.data");
                assertThat(Redaction.isSecret(field)).as(field.getFullName()).isEqualTo(looksSecret || pieceOfARequest);
            }
        }
    }

    @Test
    void describeNamesTheOperationOnly() {
        Request request = Request.newBuilder().setExportEncrypted(ExportEncrypted.newBuilder()
                .setJsonPassword("correct horse").setName("savings").setPath("//polkadot")).build();

        assertThat(Redaction.describe(request)).isEqualTo("ExportEncrypted");
    }

    @Test
    void describeOfASignRequestLeavesThePayloadOut() {
        Request request = Request.newBuilder().setSignPayload(SignPayload.newBuilder()
                .setPayload(ByteString.copyFromUtf8("transfer 1000 DOT"))).build();

        assertThat(Redaction.describe(request)).isEqualTo("SignPayload");
    }

    @Test
    void describeOfAFailureNamesItsCode() {
        Response failure = Response.newBuilder().setFailure(Failure.newBuilder()
                .setCode(Failure.Code.PIN_INVALID).setMessage("wrong PIN")).build();
        Response signature = Response.newBuilder().setSignature(Signature.newBuilder()
                .setSignature(ByteString.copyFrom(new byte[64]))).build();

        assertThat(Redaction.describe(failure)).isEqualTo("Failure(PIN_INVALID)");
        assertThat(Redaction.describe(signature)).isEqualTo("Signature");
        assertThat(Redaction.describe(Response.getDefaultInstance())).isEqualTo("Response(empty)");
        assertThat(Redaction.describe(Request.getDefaultInstance())).isEqualTo("Request(empty)");
    }

    @Test
    void redactClearsPasswordsAndKeepsTheRest() {
        Request request = Request.newBuilder().setImportEncrypted(ImportEncrypted.newBuilder()
                .setJson("{\"encoded\":\"…\"}").setJsonPassword("correct horse").setIdentity("savings")).build();

        Request redacted = Redaction.redact(request);

        assertThat(redacted.getImportEncrypted().getJsonPassword()).isEmpty();
        assertThat(redacted.getImportEncrypted().getIdentity()).isEqualTo("savings");
        assertThat(redacted.toString()).doesNotContain("correct horse");
        assertThat(request.getImportEncrypted().getJsonPassword()).isEqualTo("correct horse");
    }
}
