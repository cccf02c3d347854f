package dev.hwbridge.protocol.metadata.frame;

import dev.hwbridge.protocol.metadata.scale.Primitive;
import java.util.List;

/** scale-info's {@code TypeDef}, as the portable registry of metadata V15/V16 encodes it. */
public sealed interface FrameTypeDef {

    record Composite(List<FrameField> fields) implements FrameTypeDef {
    }

    record Variant(List<FrameVariant> variants) implements FrameTypeDef {
    }

    record Sequence(int element) implements FrameTypeDef {
    }

    record Array(long length, int element) implements FrameTypeDef {
    }

    record Tuple(int[] elements) implements FrameTypeDef {
    }

    record PrimitiveType(Primitive primitive) implements FrameTypeDef {
    }

    record Compact(int inner) implements FrameTypeDef {
    }

    record BitSequence(int storeType, int orderType) implements FrameTypeDef {
    }
}
