package dev.hwbridge.protocol.message;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Random;

/**
 * Test helper: fills every field of a message from its descriptor with random values, so a new
 * field or message type is covered by the round-trip properties without editing them.
 */
final class RandomMessages {

    private RandomMessages() {
    }

    /** A Request whose operation is the {@code fieldNumber}-th oneof case, every field set. */
    static Request request(FieldDescriptor operation, Random random) {
        Request.Builder builder = Request.newBuilder();
        builder.setField(operation, fill(builder.newBuilderForField(operation), random));
        return builder.build();
    }

    static Response response(FieldDescriptor reply, Random random) {
        Response.Builder builder = Response.newBuilder();
        builder.setField(reply, fill(builder.newBuilderForField(reply), random));
        return builder.build();
    }

    static List<FieldDescriptor> operations() {
        return Request.getDescriptor().getOneofs().get(0).getFields();
    }

    static List<FieldDescriptor> replies() {
        return Response.getDescriptor().getOneofs().get(0).getFields();
    }

    private static Message fill(Message.Builder builder, Random random) {
        for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
            if (field.isRepeated()) {
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    builder.addRepeatedField(field, value(builder, field, random));
                }
            } else {
                builder.setField(field, value(builder, field, random));
            }
        }
        return builder.build();
    }

    private static Object value(Message.Builder parent, FieldDescriptor field, Random random) {
        return switch (field.getJavaType()) {
            case STRING -> randomText(random);
            case BYTE_STRING -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield ByteString.copyFrom(bytes);
            }
            case BOOLEAN -> random.nextBoolean();
            case INT -> random.nextInt();
            case LONG -> random.nextLong();
            case ENUM -> {
                List<EnumValueDescriptor> values = field.getEnumType().getValues();
                yield values.get(random.nextInt(values.size()));
            }
            case MESSAGE -> fill(parent.newBuilderForField(field), random);
            default -> throw new IllegalStateException("no generator for " + field.getJavaType() + " yet: add one");
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            // ASCII, Latin-1, Cyrillic, CJK and an emoji: multi-byte UTF-8 included.
            int pick = random.nextInt(5);
            text.appendCodePoint(switch (pick) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0xA0 + random.nextInt(0x60);
                case 2 -> 0x410 + random.nextInt(0x40);
                case 3 -> 0x4E00 + random.nextInt(0x100);
                default -> 0x1F600 + random.nextInt(0x40);
            });
        }
        return text.toString();
    }
}
