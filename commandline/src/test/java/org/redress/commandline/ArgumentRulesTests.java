package org.redress.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentRulesTests {

    private enum Format {
        TSV,
        JSON
    }

    private static final ArgumentRules RULES = ArgumentRules.none()
            .valued("--format", "--seconds")
            .repeatable("--sizes")
            .switches("--dihedral")
            .positionals("PATH", 1, 2);

    @Test
    void takesAValueFromTheNextArgumentOrAfterAnEqualsSign() throws UsageException {
        Arguments spaced = RULES.parse(List.of("--format", "json", "a.png"));
        Arguments joined = RULES.parse(List.of("--format=json", "a.png"));

        assertThat(spaced.value("--format")).contains("json");
        assertThat(joined.value("--format")).contains("json");
        assertThat(RULES.parse(List.of("--format=", "a.png")).value("--format")).contains("");
        assertThat(RULES.parse(List.of("--format=a=b", "a.png")).value("--format"))
                .contains("a=b");
    }

    @Test
    void keepsPositionalArgumentsInOrderAroundOptions() throws UsageException {
        Arguments parsed = RULES.parse(List.of("a.png", "--dihedral", "b.png"));

        assertThat(parsed.positionals()).containsExactly("a.png", "b.png");
        assertThat(parsed.has("--dihedral")).isTrue();
        assertThat(parsed.has("--format")).isFalse();
        assertThat(parsed.value("--format")).isEmpty();
    }

    @Test
    void treatsEverythingAfterADoubleDashAsPositional() throws UsageException {
        Arguments parsed = RULES.parse(List.of("--dihedral", "--", "--format"));

        assertThat(parsed.positionals()).containsExactly("--format");
        assertThat(parsed.value("--format")).isEmpty();
    }

    @Test
    void collectsEveryValueOfARepeatableOptionSplitAtCommas() throws UsageException {
        Arguments parsed = RULES.parse(List.of("--sizes", "1,2", "x", "--sizes=3"));

        assertThat(parsed.values("--sizes")).containsExactly("1", "2", "3");
        assertThat(parsed.integers("--sizes", 1, 10, List.of(9))).containsExactly(1, 2, 3);
        assertThat(RULES.parse(List.of("x")).integers("--sizes", 1, 10, List.of(9)))
                .containsExactly(9);
    }

    @Test
    void namesAnUnknownOption() {
        assertThatThrownBy(() -> RULES.parse(List.of("--bogus", "a.png")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> RULES.parse(List.of("--bogus=1", "a.png")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option --bogus");
    }

    @Test
    void reportsAMissingValueInsteadOfTakingTheNextOption() {
        assertThatThrownBy(() -> RULES.parse(List.of("a.png", "--format")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--format needs a value");
        assertThatThrownBy(() -> RULES.parse(List.of("--format", "--dihedral", "a.png")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--format needs a value");
    }

    @Test
    void refusesAnOptionGivenTwiceUnlessItIsRepeatable() {
        assertThatThrownBy(() -> RULES.parse(List.of("--format", "tsv", "--format=json", "a.png")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--format given more than once");
        assertThatThrownBy(() -> RULES.parse(List.of("--dihedral", "--dihedral", "a.png")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--dihedral given more than once");
    }

    @Test
    void refusesAValueForASwitch() {
        assertThatThrownBy(() -> RULES.parse(List.of("--dihedral=yes", "a.png")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--dihedral takes no value");
    }

    @Test
    void countsPositionalArguments() {
        assertThatThrownBy(() -> RULES.parse(List.of("--dihedral")))
                .isInstanceOf(UsageException.class)
                .hasMessage("missing PATH");
        assertThatThrownBy(() -> RULES.parse(List.of("a", "b", "c")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unexpected argument 'c'");
        assertThatThrownBy(() -> ArgumentRules.none().parse(List.of("-x")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unexpected argument '-x'");
    }

    @Test
    void convertsValuesAndNamesTheOptionAndValueThatDoNotFit() throws UsageException {
        var rules = ArgumentRules.none().valued("--seconds", "--radius", "--format", "--name");

        Arguments good = rules.parse(List.of("--seconds", "0.5", "--radius=31", "--format", "JSON", "--name", "n"));
        assertThat(good.positive("--seconds", 3)).isEqualTo(0.5);
        assertThat(good.integer("--radius", 0, 256, 0)).isEqualTo(31);
        assertThat(good.choice("--format", Format.TSV)).isEqualTo(Format.JSON);
        assertThat(good.required("--name")).isEqualTo("n");
        Arguments none = rules.parse(List.of());
        assertThat(none.positive("--seconds", 3)).isEqualTo(3);
        assertThat(none.integer("--radius", 0, 256, 31)).isEqualTo(31);
        assertThat(none.choice("--format", Format.TSV)).isEqualTo(Format.TSV);

        assertThatThrownBy(() -> rules.parse(List.of("--seconds", "-1")).positive("--seconds", 3))
                .hasMessage("--seconds must be a positive number, not '-1'");
        assertThatThrownBy(() -> rules.parse(List.of("--seconds", "NaN")).positive("--seconds", 3))
                .hasMessage("--seconds must be a positive number, not 'NaN'");
        assertThatThrownBy(() -> rules.parse(List.of("--radius", "257")).integer("--radius", 0, 256, 31))
                .hasMessage("--radius must be an integer from 0 to 256, not '257'");
        assertThatThrownBy(() -> rules.parse(List.of("--format", "xml")).choice("--format", Format.TSV))
                .hasMessage("--format must be tsv or json, not 'xml'");
        assertThatThrownBy(() -> none.required("--name")).hasMessage("--name is required");
        assertThatThrownBy(() -> rules.parse(List.of("--name", " ")).required("--name"))
                .hasMessage("--name is required");
    }

    @Test
    void treatsAskingForAnUndeclaredOptionAsAProgrammingError() throws UsageException {
        Arguments parsed = RULES.parse(List.of("a"));

        assertThatThrownBy(() -> parsed.value("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parsed.value("--sizes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parsed.values("--format")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArgumentRules.none().valued("port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RULES.switches("--format")).isInstanceOf(IllegalArgumentException.class);
    }
}
