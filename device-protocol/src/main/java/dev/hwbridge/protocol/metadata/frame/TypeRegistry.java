package dev.hwbridge.protocol.metadata.frame;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import java.util.List;

/** The portable type registry; every type id it hands out refers to one of its types. */
public final class TypeRegistry {

    private final List<FrameType> types;

    TypeRegistry(List<FrameType> types) {
        this.types = List.copyOf(types);
    }

    public int size() {
        return types.size();
    }

    public FrameType get(int id) {
        if (id < 0 || id >= types.size()) {
            throw new MetadataException(MetadataError.MISSING_ITEM, "type id " + id + " is not in the registry");
        }
        return types.get(id);
    }

    public FrameTypeDef def(int id) {
        return get(id).def();
    }

    public List<FrameType> types() {
        return types;
    }
}
