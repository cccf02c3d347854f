package dev.hwbridge.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

class MethodRegistryTest {

    private final MethodRegistry registry = new MethodRegistry();
    private final RpcMethod nothing = (client, params) -> NullNode.getInstance();

    @Test
    void registeredMethodIsFoundByName() {
        registry.register("account.exportEncrypted", nothing);

        assertThat(registry.lookup("account.exportEncrypted")).containsSame(nothing);
        assertThat(registry.lookup("account.exportencrypted")).isEmpty();
        assertThat(registry.lookup(null)).isEmpty();
        assertThat(registry.names()).containsExactly("account.exportEncrypted");
    }

    @Test
    void secondRegistrationOfANameIsRefused() {
        registry.register("bridge.info", nothing);

        assertThatThrownBy(() -> registry.register("bridge.info", nothing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    }

    @Test
    void malformedAndReservedNamesAreRefused() {
        for (String name : new String[] {"info", "bridge.", ".info", "Bridge.info", "bridge info", "rpc.discover", ""}) {
            assertThatThrownBy(() -> registry.register(name, nothing)).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
