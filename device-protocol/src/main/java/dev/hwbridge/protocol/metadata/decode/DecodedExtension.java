package dev.hwbridge.protocol.metadata.decode;

import java.util.Arrays;
import java.util.Objects;

/** A signed extension's values: in the extrinsic and in the signed data only, with their raw bytes. */
public record DecodedExtension(String identifier, Value inExtrinsic, byte[] inExtrinsicBytes,
        Value inSignedData, byte[] inSignedDataBytes) {

    public DecodedExtension {
        inExtrinsicBytes = inExtrinsicBytes.clone();
        inSignedDataBytes = inSignedDataBytes.clone();
    }

    @Override
    public byte[] inExtrinsicBytes() {
        return inExtrinsicBytes.clone();
    }

    @Override
    public byte[] inSignedDataBytes() {
        return inSignedDataBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedExtension other && identifier.equals(other.identifier)
                && inExtrinsic.equals(other.inExtrinsic) && inSignedData.equals(other.inSignedData)
                && Arrays.equals(inExtrinsicBytes, other.inExtrinsicBytes)
                && Arrays.equals(inSignedDataBytes, other.inSignedDataBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, inExtrinsic, inSignedData);
    }

    @Override
    public String toString() {
        return "DecodedExtension[" + identifier + ", " + inExtrinsic + ", " + inSignedData + "]";
    }
}
