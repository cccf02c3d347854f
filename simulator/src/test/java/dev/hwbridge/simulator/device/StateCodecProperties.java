package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.state.StateError;
import dev.hwbridge.simulator.state.StateException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StateCodecProperties {

    @Property(tries = 300)
    void everyStateSurvivesEncodingAndDecoding(@ForAll("states") DeviceState state) {
        DeviceState decoded = StateCodec.decode(StateCodec.encode(state));

        assertThat(decoded.names()).isEqualTo(state.names());
        for (int i = 0; i < state.identities().size(); i++) {
            IdentitySecret expected = state.identities().get(i).secret();
            IdentitySecret actual = decoded.identities().get(i).secret();
            if (expected instanceof IdentitySecret.Seed seed) {
                assertThat(((IdentitySecret.Seed) actual).entropy()).isEqualTo(seed.entropy());
            } else {
                IdentitySecret.ImportedKey key = (IdentitySecret.ImportedKey) expected;
                IdentitySecret.ImportedKey got = (IdentitySecret.ImportedKey) actual;
                assertThat(got.scheme()).isEqualTo(key.scheme());
                assertThat(got.pkcs8Secret()).isEqualTo(key.pkcs8Secret());
                assertThat(got.publicKey()).isEqualTo(key.publicKey());
            }
        }
    }

    @Property
    void junkIsCorruptNeverAnotherException(@ForAll @Size(max = 300) byte[] junk) {
        assertDecodesOrIsCorrupt(junk);
    }

    @Property
    void damagedStatesAreCorruptNeverAnotherException(@ForAll("states") DeviceState state, @ForAll int position,
            @ForAll byte value, @ForAll boolean truncate) {
        byte[] encoded = StateCodec.encode(state);
        int at = Math.floorMod(position, encoded.length);
        if (truncate) {
            assertThatThrownBy(() -> StateCodec.decode(java.util.Arrays.copyOf(encoded, at)))
                    .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.CORRUPT));
        } else {
            encoded[at] = value;
            assertDecodesOrIsCorrupt(encoded);
        }
    }

    @Test
    void bytesAfterTheLastIdentityAreCorrupt() {
        byte[] encoded = StateCodec.encode(DeviceState.empty());
        byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> StateCodec.decode(longer)).isInstanceOf(StateException.class)
                .hasMessage("bytes after the last identity");
    }

    private static void assertDecodesOrIsCorrupt(byte[] bytes) {
        try {
            StateCodec.decode(bytes);
        } catch (StateException e) {
            assertThat(e.code()).isEqualTo(StateError.CORRUPT);
        }
    }

    @Provide
    Arbitrary<DeviceState> states() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', 'é', '日')
                .ofMinLength(1).ofMaxLength(20).map(String::strip).filter(name -> !name.isEmpty());
        Arbitrary<IdentitySecret> seeds = Arbitraries.of(16, 20, 24, 28, 32)
                .flatMap(length -> Arbitraries.bytes().array(byte[].class).ofSize(length))
                .map(IdentitySecret.Seed::new);
        Arbitrary<IdentitySecret> keys = Arbitraries.of(KeyScheme.values()).flatMap(scheme -> Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(scheme == KeyScheme.ECDSA ? 32 : 64),
                Arbitraries.bytes().array(byte[].class).ofSize(scheme == KeyScheme.ECDSA ? 33 : 32))
                .as((secret, publicKey) -> new IdentitySecret.ImportedKey(scheme, secret, publicKey)));
        Arbitrary<IdentitySecret> secrets = Arbitraries.oneOf(seeds, keys);
        return names.set().ofMaxSize(DeviceState.MAX_IDENTITIES).flatMap(unique -> secrets.list().ofSize(unique.size())
                .map(list -> {
                    List<Identity> identities = new ArrayList<>();
                    int i = 0;
                    for (String name : unique) {
                        identities.add(new Identity(name, list.get(i++)));
                    }
                    return new DeviceState(identities);
                }));
    }
}
