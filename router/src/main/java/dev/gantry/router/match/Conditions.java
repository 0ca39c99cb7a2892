package dev.gantry.router.match;

import dev.gantry.router.table.Condition;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Compiles a {@link Condition} into a predicate over {@link RequestFacts}: OR over its values. */
public final class Conditions {
    private Conditions() {}

    public static Predicate<RequestFacts> compile(Condition condition) {
        return switch (condition) {
            case Condition.PathPattern c -> anyOf(c.values(), Wildcard::caseSensitive, RequestFacts::path);
            case Condition.HostHeader c -> anyOf(c.values(), Wildcard::ignoringCase, RequestFacts::host);
            case Condition.HttpRequestMethod c -> {
                List<String> methods = c.values();
                yield facts -> methods.contains(facts.method());
            }
            case Condition.HttpHeader c -> {
                List<Wildcard> patterns =
                        c.values().stream().map(Wildcard::ignoringCase).toList();
                String name = c.name();
                yield facts -> facts.header(name).stream()
                        .anyMatch(v -> patterns.stream().anyMatch(p -> p.matches(v)));
            }
            case Condition.SourceIp c -> {
                List<Cidr> blocks = c.values().stream().map(Cidr::parse).toList();
                yield facts -> blocks.stream().anyMatch(b -> b.contains(facts.source()));
            }
            case Condition.QueryString c -> {
                List<Predicate<Map<String, List<String>>>> pairs =
                        c.pairs().stream().map(Conditions::pair).toList();
                yield facts -> {
                    Map<String, List<String>> query = facts.query();
                    return pairs.stream().anyMatch(p -> p.test(query));
                };
            }
        };
    }

    private static Predicate<Map<String, List<String>>> pair(Condition.KeyValue kv) {
        Wildcard value = Wildcard.ignoringCase(kv.value());
        if (kv.key().isEmpty()) {
            return query -> query.values().stream().flatMap(List::stream).anyMatch(value::matches);
        }
        Wildcard key = Wildcard.ignoringCase(kv.key().get());
        return query -> query.entrySet().stream()
                .anyMatch(e -> key.matches(e.getKey()) && e.getValue().stream().anyMatch(value::matches));
    }

    private static Predicate<RequestFacts> anyOf(
            List<String> values, Function<String, Wildcard> compile, Function<RequestFacts, String> field) {
        List<Wildcard> patterns = values.stream().map(compile).toList();
        return facts -> {
            String v = field.apply(facts);
            for (Wildcard w : patterns) {
                if (w.matches(v)) {
                    return true;
                }
            }
            return false;
        };
    }
}
