package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParamsProperties {

    private static final Set<String> KNOWN = Set.of("session", "scheme", "path", "ss58Format", "payload", "wordCount");

    @Property
    void junkParamsGiveInvalidParamsOrOneOfTheTypedErrorsNeverAnotherException(@ForAll("junk") JsonNode params) {
        try {
            Params read = Params.of(params, KNOWN);
            Fields.scheme(read);
            Fields.ss58Format(read);
            Fields.path(read, "path", dev.hwbridge.protocol.account.KeyScheme.SR25519);
            Fields.payload(read, "payload");
            read.integer("wordCount", 12, 24);
            read.text("session", Fields.MAX_SESSION);
        } catch (RpcException e) {
            assertThat(e.error()).isIn(RpcError.INVALID_PARAMS, RpcError.INVALID_PATH, RpcError.INVALID_PAYLOAD);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<JsonNode> junk() {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(text -> (JsonNode) JsonNodeFactory.instance.textNode(text)),
                Arbitraries.of("", "0x", "0x0", "0x00", "0xzz", "//a///b", "//a/b", "sr25519", "ECDSA", "ed25519", "/", "//")
                        .map(text -> (JsonNode) JsonNodeFactory.instance.textNode(text)),
                Arbitraries.longs().map(n -> (JsonNode) JsonNodeFactory.instance.numberNode(n)),
                Arbitraries.doubles().map(n -> (JsonNode) JsonNodeFactory.instance.numberNode(n)),
                Arbitraries.of(true, false).map(b -> (JsonNode) JsonNodeFactory.instance.booleanNode(b)),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode()));
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(KNOWN.toArray(String[]::new)),
                Arbitraries.strings().ofMaxLength(8));
        Arbitrary<JsonNode> objects = Arbitraries.maps(names, values).ofMaxSize(7).map(map -> {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            map.forEach(object::set);
            return object;
        });
        return Arbitraries.oneOf(objects, objects, values);
    }
}
