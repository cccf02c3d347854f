package dev.hwbridge.protocol.metadata.frame;

import java.util.List;

/** One variant of an enum in the FRAME type registry; {@code index} is its encoded u8. */
public record FrameVariant(String name, List<FrameField> fields, int index) {
}
