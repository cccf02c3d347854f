package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class DerivationPathProperties {

    @Property
    void parseToStringParseRoundTrips(@ForAll("paths") String text) {
        DerivationPath path = DerivationPath.parse(text);
        assertThat(path).hasToString(text);
        assertThat(DerivationPath.parse(path.toString())).isEqualTo(path);
    }

    @Property
    void junctionsBuiltOneByOneEqualTheParsedPath(@ForAll("junctionLists") List<Junction> junctions) {
        DerivationPath built = DerivationPath.empty();
        for (Junction junction : junctions) {
            built = built.append(junction);
        }
        assertThat(DerivationPath.parse(built.toString())).isEqualTo(built);
        assertThat(built.hasSoftJunction()).isEqualTo(junctions.stream().anyMatch(j -> !j.hard()));
    }

    @Property
    void slashHeavyJunkParsesExactlyOrIsInvalidPath(
            @ForAll @StringLength(max = 16) @Chars({'/', 'a', '0', 'x', '1'}) String text) {
        assertParsesExactlyOrIsInvalidPath(text);
    }

    @Property
    void anyTextParsesExactlyOrIsInvalidPath(@ForAll String text) {
        assertParsesExactlyOrIsInvalidPath(text);
    }

    private static void assertParsesExactlyOrIsInvalidPath(String text) {
        try {
            assertThat(DerivationPath.parse(text)).hasToString(text);
            assertThat(text).doesNotContain("///").doesNotEndWith("/");
        } catch (FormatException e) {
            assertThat(e.code()).isEqualTo(FormatError.INVALID_PATH);
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return junctionLists().map(list -> new DerivationPath(list).toString());
    }

    @Provide
    Arbitrary<List<Junction>> junctionLists() {
        Arbitrary<Junction> junction = Combinators.combine(junctionTexts(), Arbitraries.of(true, false))
                .as(Junction::parse);
        return junction.list().ofMaxSize(8);
    }

    private static Arbitrary<String> junctionTexts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(0).ofMaxLength(70).map(h -> "0x" + h),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().all().excludeChars('/').ofMinLength(1).ofMaxLength(40));
    }
}
