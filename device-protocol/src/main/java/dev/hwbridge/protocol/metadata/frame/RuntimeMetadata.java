package dev.hwbridge.protocol.metadata.frame;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import java.util.List;

/** What RFC-0078 needs of runtime metadata V15 or V16. */
public record RuntimeMetadata(int version, TypeRegistry types, List<Pallet> pallets, ExtrinsicInfo extrinsic) {

    /** The constant {@code pallet.name}, or MISSING_ITEM. */
    public Constant constant(String pallet, String name) {
        return pallets.stream()
                .filter(p -> p.name().equals(pallet))
                .findFirst()
                .flatMap(p -> p.constant(name))
                .orElseThrow(() -> new MetadataException(MetadataError.MISSING_ITEM,
                        "the constant " + pallet + "." + name + " is not in the metadata"));
    }
}
