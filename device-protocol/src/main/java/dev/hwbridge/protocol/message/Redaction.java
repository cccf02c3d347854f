package dev.hwbridge.protocol.message;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;

/**
 * The one list of secret-bearing fields, and safe ways to mention a message in a log: by type
 * only, never by content (payloads, JSON files and passwords stay out of logs).
 */
public final class Redaction {

    /** Every field that carries a secret. A test fails when a field named like a password is missing here. */
    public static final List<FieldDescriptor> SECRET_FIELDS = List.of(
            ExportEncrypted.getDescriptor().findFieldByNumber(ExportEncrypted.JSON_PASSWORD_FIELD_NUMBER),
            ImportEncrypted.getDescriptor().findFieldByNumber(ImportEncrypted.JSON_PASSWORD_FIELD_NUMBER),
            // A piece of another encoded Request, which may be one of the two above.
            RequestPart.getDescriptor().findFieldByNumber(RequestPart.DATA_FIELD_NUMBER));

    private Redaction() {
    }

    public static boolean isSecret(FieldDescriptor field) {
        return SECRET_FIELDS.contains(field);
    }

    /** The operation's type name, e.g. {@code "SignPayload"}; nothing of its content. */
    public static String describe(Request request) {
        return switch (request.getBodyCase()) {
            case BODY_NOT_SET -> "Request(empty)";
            default -> typeName(Request.getDescriptor().findFieldByNumber(request.getBodyCase().getNumber()));
        };
    }

    /** The reply's type name, e.g. {@code "Signature"}, plus the code of a Failure: {@code "Failure(USER_REJECTED)"}. */
    public static String describe(Response response) {
        return switch (response.getBodyCase()) {
            case BODY_NOT_SET -> "Response(empty)";
            case FAILURE -> "Failure(" + response.getFailure().getCode() + ")";
            default -> typeName(Response.getDescriptor().findFieldByNumber(response.getBodyCase().getNumber()));
        };
    }

    /** A copy of {@code request} with every secret field cleared, for debugging output. */
    public static Request redact(Request request) {
        return (Request) clearSecrets(request);
    }

    private static Message clearSecrets(Message message) {
        Message.Builder builder = message.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (isSecret(field)) {
                builder.clearField(field);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()) {
                builder.setField(field, clearSecrets((Message) entry.getValue()));
            }
        }
        return builder.build();
    }

    private static String typeName(FieldDescriptor field) {
        return field.getMessageType().getName();
    }
}
