package dev.hwbridge.protocol.metadata.decode;

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
}
