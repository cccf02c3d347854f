package dev.hwbridge.simulator.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.proof.PayloadVerifier;
import dev.hwbridge.protocol.metadata.proof.VerifiedPayload;
import dev.hwbridge.protocol.metadata.render.RenderedTransaction;
import dev.hwbridge.protocol.metadata.render.TransactionRenderer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code decode}: what a signer does with a payload and its metadata proof. Exit 0 with the
 * transaction's screen lines; exit 1 (and a JSON line saying why) when the input is well-formed but
 * does not verify; exit 2 for input that is not well-formed.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Verifies an RFC-0078 metadata proof against a signing payload and the expected metadata",
            "hash, decodes the payload with the proof's types only and prints it as screen lines.",
            "Exit status 0 if it verifies, 1 if not, 2 for bad input."})
final class DecodeCommand implements Callable<Integer> {

    /** Refusals of well-formed input: the proof, the hash and the payload do not belong together. */
    private static final Set<MetadataError> DOES_NOT_VERIFY = EnumSet.of(MetadataError.INVALID_PROOF,
            MetadataError.HASH_MISMATCH, MetadataError.HASH_NOT_ENABLED, MetadataError.UNKNOWN_TYPE);

    @Spec
    private CommandSpec spec;

    @Option(names = "--proof-hex", required = true, paramLabel = "<0x…>", description = "the metadata proof")
    private String proofHex;

    @Option(names = "--payload-hex", required = true, paramLabel = "<0x…>",
            description = "the signing payload, unhashed")
    private String payloadHex;

    @Option(names = "--metadata-hash", required = true, paramLabel = "<0x…>",
            description = "the 32-byte metadata hash the chain uses")
    private String metadataHashHex;

    @JsonPropertyOrder({"call", "lines"})
    record DecodedLine(String call, List<String> lines) {
    }

    @JsonPropertyOrder({"verified", "error", "message"})
    record RefusedLine(boolean verified, String error, String message) {
    }

    @Override
    public Integer call() {
        byte[] proof = HexArgument.parse(proofHex, "--proof-hex");
        byte[] payload = HexArgument.parse(payloadHex, "--payload-hex");
        byte[] metadataHash = HexArgument.parse(metadataHashHex, "--metadata-hash");
        if (metadataHash.length != 32) {
            throw new CliInputException("--metadata-hash must be 32 bytes");
        }
        VerifiedPayload verified;
        try {
            verified = PayloadVerifier.verify(proof, payload, metadataHash);
        } catch (MetadataException e) {
            if (!DOES_NOT_VERIFY.contains(e.code())) {
                throw e;
            }
            Output.line(spec, JsonLine.of(new RefusedLine(false, e.code().name(), e.getMessage())));
            return ExitCodes.NOT_VERIFIED;
        }
        RenderedTransaction rendered = TransactionRenderer.render(verified);
        Output.line(spec, JsonLine.of(new DecodedLine(rendered.call(), rendered.lines())));
        return ExitCodes.OK;
    }
}
