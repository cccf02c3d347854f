package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Parses text exactly as the daemon parses a JSON-RPC frame (same limits, duplicate detection,
 * big decimals), for fuzz targets whose input reaches them inside a frame's params.
 */
public final class RpcFrames {

    private static final JsonRpcCodec CODEC = new JsonRpcCodec();

    private RpcFrames() {
    }

    /** The frame's tree, or empty where the daemon would answer PARSE_ERROR. */
    public static Optional<JsonNode> parse(String frame) {
        try {
            return Optional.of(CODEC.parse(frame));
        } catch (JsonRpcCodec.ParseFailure refused) {
            return Optional.empty();
        }
    }
}
