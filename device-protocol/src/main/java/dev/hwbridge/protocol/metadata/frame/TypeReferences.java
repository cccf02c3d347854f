package dev.hwbridge.protocol.metadata.frame;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;

/** Checks, once after reading, that every type id the metadata keeps names a type of its registry. */
final class TypeReferences {

    private TypeReferences() {
    }

    static void check(RuntimeMetadata metadata) {
        int size = metadata.types().size();
        for (FrameType type : metadata.types().types()) {
            checkDef(type.def(), size);
        }
        for (Pallet pallet : metadata.pallets()) {
            if (pallet.callType() >= 0) {
                check(pallet.callType(), size);
            }
            for (Constant constant : pallet.constants()) {
                check(constant.type(), size);
            }
        }
        ExtrinsicInfo extrinsic = metadata.extrinsic();
        check(extrinsic.addressType(), size);
        check(extrinsic.callType(), size);
        check(extrinsic.signatureType(), size);
        for (SignedExtension extension : extrinsic.signedExtensions()) {
            check(extension.type(), size);
            check(extension.additionalSigned(), size);
        }
    }

    private static void checkDef(FrameTypeDef def, int size) {
        if (def instanceof FrameTypeDef.Composite composite) {
            for (FrameField field : composite.fields()) {
                check(field.type(), size);
            }
        } else if (def instanceof FrameTypeDef.Variant variant) {
            for (FrameVariant v : variant.variants()) {
                for (FrameField field : v.fields()) {
                    check(field.type(), size);
                }
            }
        } else if (def instanceof FrameTypeDef.Sequence sequence) {
            check(sequence.element(), size);
        } else if (def instanceof FrameTypeDef.Array array) {
            check(array.element(), size);
        } else if (def instanceof FrameTypeDef.Tuple tuple) {
            for (int element : tuple.elements()) {
                check(element, size);
            }
        } else if (def instanceof FrameTypeDef.Compact compact) {
            check(compact.inner(), size);
        } else if (def instanceof FrameTypeDef.BitSequence bits) {
            check(bits.storeType(), size);
            check(bits.orderType(), size);
        }
    }

    private static void check(int id, int size) {
        if (id >= size) {
            throw new MetadataException(MetadataError.MALFORMED,
                    "type id " + id + " refers to no type (the registry has " + size + ")");
        }
    }
}
