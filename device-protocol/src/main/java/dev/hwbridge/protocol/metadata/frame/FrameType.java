package dev.hwbridge.protocol.metadata.frame;

import java.util.List;

/** One entry of the portable type registry: its id (its position), path and definition. */
public record FrameType(int id, List<String> path, FrameTypeDef def) {
}
