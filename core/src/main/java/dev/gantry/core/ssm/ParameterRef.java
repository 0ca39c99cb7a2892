package dev.gantry.core.ssm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to a parameter as GetParameter, GetParameters, GetParameterHistory and task-definition {@code secrets}
 * take it: a name or an ARN, optionally followed by a selector ({@code :3} a version, {@code :prod} a label).
 *
 * @param names    the names it may mean, first match wins: one for a name; for an ARN of a one-level name
 *                 ({@code …:parameter/db}) both {@code db} and {@code /db}, since the ARN of {@code /db} has no
 *                 double slash
 * @param selector the version or label, if one was given
 * @param text     the reference as written (InvalidParameters lists it so)
 */
public record ParameterRef(List<String> names, Optional<Selector> selector, String text) {

    public ParameterRef {
        names = List.copyOf(names);
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(text, "text");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a reference names at least one parameter");
        }
    }

    /** A version or a label after the name. */
    public sealed interface Selector {
        /** As the Parameter's {@code Selector} member shows it: {@code :3}, {@code :prod}. */
        String text();

        record Version(long number) implements Selector {
            @Override
            public String text() {
                return ":" + number;
            }
        }

        record Label(String label) implements Selector {
            @Override
            public String text() {
                return ":" + label;
            }
        }
    }

    /** The name to show in messages. */
    public String name() {
        return names.getFirst();
    }

    /**
     * Parses {@code reference}: a name, or an ARN of this region and account ({@code arn:aws:ssm:REGION:ACCOUNT:
     * parameter/NAME}), then an optional {@code :selector}. An ARN of another region or account, or of another
     * service, is empty (no such parameter here), as is a reference with two selectors.
     */
    public static Optional<ParameterRef> parse(String reference, String region, String account) {
        String text = reference.strip();
        String rest = text;
        boolean fromArn = false;
        if (text.startsWith("arn:")) {
            String prefix = ParameterNames.arnPrefix(region, account);
            if (!text.startsWith(prefix)) {
                return Optional.empty();
            }
            rest = text.substring(prefix.length());
            fromArn = true;
        }
        String[] parts = rest.split(":", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        Optional<Selector> selector = Optional.empty();
        if (parts.length == 2) {
            String s = parts[1];
            if (s.isEmpty()) {
                return Optional.empty();
            }
            selector = Optional.of(
                    s.chars().allMatch(Character::isDigit) && s.length() < 19
                            ? new Selector.Version(Long.parseLong(s))
                            : new Selector.Label(s));
        }
        String name = parts[0];
        List<String> names;
        if (!fromArn) {
            names = List.of(name);
        } else if (name.contains("/")) {
            names = List.of("/" + name);
        } else {
            names = List.of(name, "/" + name);
        }
        return Optional.of(new ParameterRef(names, selector, text));
    }
}
