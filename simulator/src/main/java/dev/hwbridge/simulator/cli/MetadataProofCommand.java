package dev.hwbridge.simulator.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.proof.ProofBuilder;
import dev.hwbridge.protocol.metadata.proof.ProofCodec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metadata-proof}: the RFC-0078 proof a signer needs to decode one signing payload. */
@Command(name = "metadata-proof", mixinStandardHelpOptions = true,
        description = {"Prints the RFC-0078 metadata proof for an extrinsic signing payload",
            "(call ‖ extra ‖ additional signed, unhashed), as getProofForExtrinsicPayload of",
            "@polkadot-api/merkleize-metadata makes it. Exit status 0, or 2 for bad input."})
final class MetadataProofCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private MetadataFile metadata;

    @Mixin
    private TokenOptions token;

    @Option(names = "--payload-hex", required = true, paramLabel = "<0x…>",
            description = "the signing payload, unhashed")
    private String payloadHex;

    @JsonPropertyOrder({"proof", "metadataHash"})
    record ProofLine(String proof, String metadataHash) {
    }

    @Override
    public Integer call() {
        byte[] payload = HexArgument.parse(payloadHex, "--payload-hex");
        Merkleizer merkleizer = Merkleizer.of(metadata.bytes(), token.decimals(), token.tokenSymbol());
        byte[] proof = ProofCodec.encode(ProofBuilder.forPayload(merkleizer, payload));
        Output.line(spec, JsonLine.of(new ProofLine(Hex.toHex(proof), Hex.toHex(merkleizer.metadataHash()))));
        return ExitCodes.OK;
    }
}
