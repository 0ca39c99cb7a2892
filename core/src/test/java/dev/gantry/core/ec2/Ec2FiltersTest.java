package dev.gantry.core.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** EC2 filter semantics: AND across filters, OR across values, wildcards, tag filters, unknown names refused. */
class Ec2FiltersTest {
    private static final Vpc A =
            new Vpc("vpc-a", "10.0.0.0/16", false, "available", Map.of("Name", "prod-web", "env", "prod"));
    private static final Vpc B = new Vpc("vpc-b", "10.1.0.0/16", true, "available", Map.of("Name", "dev"));
    private static final Map<String, Function<Vpc, List<String>>> FIELDS = Map.of(
            "vpc-id", v -> List.of(v.vpcId()),
            "cidr", v -> List.of(v.cidrBlock()),
            "is-default", v -> List.of(String.valueOf(v.isDefault())));

    private static List<String> select(Ec2Filter... filters) {
        Predicate<Vpc> p = Ec2Filters.predicate(List.of(filters), FIELDS, Vpc::tags);
        return List.of(A, B).stream().filter(p).map(Vpc::vpcId).toList();
    }

    @Test
    void wildcards() {
        assertThat(Ec2Filters.matches("prod-*", "prod-web")).isTrue();
        assertThat(Ec2Filters.matches("prod-?eb", "prod-web")).isTrue();
        assertThat(Ec2Filters.matches("prod-?", "prod-web")).isFalse();
        assertThat(Ec2Filters.matches("*", "")).isTrue();
        assertThat(Ec2Filters.matches("a\\*", "a*")).isTrue();
        assertThat(Ec2Filters.matches("a\\*", "ab")).isFalse();
        assertThat(Ec2Filters.matches("Prod", "prod")).isFalse();
    }

    @Test
    void andAcrossFiltersOrAcrossValues() {
        assertThat(select()).containsExactly("vpc-a", "vpc-b");
        assertThat(select(new Ec2Filter("vpc-id", List.of("vpc-a", "vpc-b")))).containsExactly("vpc-a", "vpc-b");
        assertThat(select(new Ec2Filter("vpc-id", List.of("vpc-*")), new Ec2Filter("is-default", List.of("true"))))
                .containsExactly("vpc-b");
        assertThat(select(new Ec2Filter("cidr", List.of("10.0.*")))).containsExactly("vpc-a");
    }

    @Test
    void tagFilters() {
        assertThat(select(new Ec2Filter("tag:Name", List.of("prod-*")))).containsExactly("vpc-a");
        assertThat(select(new Ec2Filter("tag-key", List.of("env")))).containsExactly("vpc-a");
        assertThat(select(new Ec2Filter("tag-value", List.of("dev")))).containsExactly("vpc-b");
        assertThat(select(new Ec2Filter("tag:missing", List.of("*")))).isEmpty();
    }

    @Test
    void unknownNamesAndEmptyValuesAreRefused() {
        assertThatThrownBy(() -> select(new Ec2Filter("colour", List.of("red"))))
                .isInstanceOf(ApiException.class)
                .hasMessage("The filter 'colour' is invalid")
                .extracting(e -> ((ApiException) e).code().wireName())
                .isEqualTo("InvalidParameterValue");
        assertThatThrownBy(() -> select(new Ec2Filter("vpc-id", List.of())))
                .extracting(e -> ((ApiException) e).code().wireName())
                .isEqualTo("InvalidFilter");
    }
}
