package dev.hwbridge.simulator.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code metadata-digest}: the RFC-0078 metadata hash of runtime metadata, with the digest's extra information. */
@Command(name = "metadata-digest", mixinStandardHelpOptions = true,
        description = {"Prints the RFC-0078 metadata hash (CheckMetadataHash) of runtime metadata V15/V16,",
            "as @polkadot-api/merkleize-metadata computes it. Exit status 0, or 2 for bad input."})
final class MetadataDigestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private MetadataFile metadata;

    @Mixin
    private TokenOptions token;

    @JsonPropertyOrder({"metadataHash", "specName", "specVersion", "base58Prefix", "decimals", "tokenSymbol"})
    record DigestLine(String metadataHash, String specName, long specVersion, int base58Prefix, int decimals,
            String tokenSymbol) {
    }

    @Override
    public Integer call() {
        Merkleizer merkleizer = Merkleizer.of(metadata.bytes(), token.decimals(), token.tokenSymbol());
        ExtraInfo info = merkleizer.extraInfo();
        Output.line(spec, JsonLine.of(new DigestLine(Hex.toHex(merkleizer.metadataHash()), info.specName(),
                info.specVersion(), info.base58Prefix(), info.decimals(), info.tokenSymbol())));
        return ExitCodes.OK;
    }
}
