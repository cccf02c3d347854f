package dev.hwbridge.protocol.metadata.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.metadata.MetadataVectors;
import dev.hwbridge.protocol.metadata.proof.PayloadVerifier;
import dev.hwbridge.protocol.metadata.proof.VerifiedPayload;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The call decoded with the proof's types alone, written as polkadot-js {@code Call.toHuman()}
 * writes it, equals what polkadot-js made of the same bytes with the whole metadata: every
 * pallet, call, field and variant name and every value.
 */
class CallHumanTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static List<MetadataVectors.ProofCase> proofs() {
        return MetadataVectors.proofs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void theCallIsWhatPolkadotJsDecoded(MetadataVectors.ProofCase vector) {
        VerifiedPayload verified = PayloadVerifier.verify(vector.proof(), vector.payload(), vector.metadataHash());
        int callTypeId = verified.proof().extrinsic().callType().id();
        Ss58Prefix prefix = Ss58Prefix.of(verified.proof().extraInfo().base58Prefix());

        assertThat(new Human(callTypeId, prefix).call(verified.payload().call())).isEqualTo(vector.json().get("callHuman"));
    }

    /** polkadot-js toHuman(): numbers with thousands separators, accounts in SS58, Option transparent. */
    private record Human(int callTypeId, Ss58Prefix prefix) {

        JsonNode call(Value value) {
            Value.Variant pallet = (Value.Variant) value;
            Value.Variant function = (Value.Variant) pallet.fields().get(0).value();
            ObjectNode args = JSON.objectNode();
            for (NamedValue argument : function.fields()) {
                args.set(argument.name(), of(argument.value()));
            }
            ObjectNode call = JSON.objectNode();
            call.set("args", args);
            call.put("method", camel(function.name()));
            call.put("section", Character.toLowerCase(pallet.name().charAt(0)) + pallet.name().substring(1));
            return call;
        }

        JsonNode of(Value value) {
            if (value instanceof Value.Int number) {
                return JSON.textNode(NumberFormat.getIntegerInstance(Locale.US).format(number.value()));
            }
            if (value instanceof Value.Bool bool) {
                return JSON.booleanNode(bool.value());
            }
            if (value instanceof Value.Text text) {
                return JSON.textNode(text.value());
            }
            if (value instanceof Value.Bytes bytes) {
                return JSON.textNode(Hex.toHex(bytes.value()));
            }
            if (value instanceof Value.Composite composite) {
                List<String> path = composite.path();
                if (!path.isEmpty() && path.get(path.size() - 1).equals("AccountId32")) {
                    return JSON.textNode(Ss58.encode(((Value.Bytes) composite.fields().get(0).value()).value(), prefix));
                }
                if (composite.fields().size() == 1 && composite.fields().get(0).name() == null) {
                    return of(composite.fields().get(0).value());
                }
                return fields(composite.fields());
            }
            if (value instanceof Value.Variant variant) {
                if (variant.typeId() == callTypeId) {
                    return call(variant);
                }
                if (variant.path().equals(List.of("Option"))) {
                    return variant.fields().isEmpty() ? JSON.nullNode() : of(variant.fields().get(0).value());
                }
                if (variant.fields().isEmpty()) {
                    return JSON.textNode(variant.name());
                }
                ObjectNode out = JSON.objectNode();
                boolean unnamed = variant.fields().get(0).name() == null;
                out.set(variant.name(), unnamed && variant.fields().size() == 1 ? of(variant.fields().get(0).value())
                        : unnamed ? array(variant.fields().stream().map(NamedValue::value).toList())
                        : fields(variant.fields()));
                return out;
            }
            if (value instanceof Value.Sequence sequence) {
                return array(sequence.elements());
            }
            if (value instanceof Value.Tuple tuple) {
                return array(tuple.elements());
            }
            throw new AssertionError("no human form for " + value);
        }

        private ObjectNode fields(List<NamedValue> fields) {
            ObjectNode out = JSON.objectNode();
            for (NamedValue field : fields) {
                out.set(camel(field.name()), of(field.value()));
            }
            return out;
        }

        private ArrayNode array(List<Value> values) {
            ArrayNode out = JSON.arrayNode();
            values.forEach(v -> out.add(of(v)));
            return out;
        }

        private static String camel(String snake) {
            StringBuilder out = new StringBuilder();
            boolean upper = false;
            for (char c : snake.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    out.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return out.toString();
        }
    }
}
