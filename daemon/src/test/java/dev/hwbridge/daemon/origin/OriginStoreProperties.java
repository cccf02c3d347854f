package dev.hwbridge.daemon.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The store's file is outside input: whatever it holds, reading it gives the records or one named refusal. */
class OriginStoreProperties {

    @Property
    void anyBytesAreReadOrRefusedWithAReason(@ForAll byte[] bytes) {
        try {
            OriginStore.decode(bytes);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property
    void aFileCutShortIsRefused(@ForAll("records") List<OriginRecord> records, @ForAll("fractions") double kept) {
        byte[] whole = OriginStore.encode(records);
        byte[] cut = Arrays.copyOf(whole, (int) (whole.length * kept));

        assertThatThrownBy(() -> OriginStore.decode(cut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void whatIsWrittenIsReadBack(@ForAll("records") List<OriginRecord> records) {
        Map<String, OriginRecord> read = OriginStore.decode(OriginStore.encode(records));

        assertThat(new ArrayList<>(read.values())).isEqualTo(records);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 0.99);
    }

    @Provide
    Arbitrary<List<OriginRecord>> records() {
        Arbitrary<String> hosts = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> origins = Combinators.combine(Arbitraries.of("https://", "http://", "moz-extension://"), hosts)
                .as((scheme, host) -> scheme + host);
        Arbitrary<OriginRecord> record = Combinators.combine(origins,
                Arbitraries.strings().alpha().numeric().withChars(" -_.\u00e9\u4e2d").ofMaxLength(OriginRecord.MAX_APP_NAME),
                Arbitraries.of(OriginKind.values()),
                Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond))
                .as(OriginRecord::new);
        return record.list().ofMaxSize(8).uniqueElements(OriginRecord::origin);
    }
}
