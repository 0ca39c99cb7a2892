package dev.gantry.core.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ListSecrets / BatchGetSecretValue filter: a key and 1-10 values, any of which may match (a value starting with
 * {@code !} matches the secrets the rest does not match). Several filters must all match. As AWS matches: {@code name},
 * {@code tag-key}, {@code tag-value}, {@code primary-region}, {@code owning-service} by case-sensitive prefix;
 * {@code description} by case-insensitive prefix of the description or one of its words; {@code all} splits the value
 * into words and matches any word prefix of the name, description, tag keys and values, ignoring case.
 */
public record SecretFilter(Key key, List<String> values) {
    public static final int MAX_VALUES = 10;
    public static final int MAX_VALUE_LENGTH = 512;
    static final Pattern VALUE = Pattern.compile("!?[a-zA-Z0-9 :_@/+=.\\-!]*");
    private static final Pattern WORDS =
            Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|" + "(?<=[0-9])(?=[A-Za-z])");

    /** The filter keys, by their wire names. */
    public enum Key {
        DESCRIPTION("description"),
        NAME("name"),
        TAG_KEY("tag-key"),
        TAG_VALUE("tag-value"),
        PRIMARY_REGION("primary-region"),
        OWNING_SERVICE("owning-service"),
        ALL("all");

        private final String wire;

        Key(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Key of(String wire) {
            for (Key k : values()) {
                if (k.wire.equals(wire)) {
                    return k;
                }
            }
            throw SecretMessages.invalidParameter("The filter key '" + wire + "' is not one of description, name, "
                    + "tag-key, tag-value, primary-region, owning-service, all.");
        }
    }

    public SecretFilter {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if (values.isEmpty() || values.size() > MAX_VALUES) {
            throw SecretMessages.invalidParameter(
                    "The filter '" + key.wire() + "' has " + values.size() + " values; give 1 to " + MAX_VALUES + ".");
        }
        for (String v : values) {
            if (v.length() > MAX_VALUE_LENGTH || !VALUE.matcher(v).matches()) {
                throw SecretMessages.invalidParameter("The filter value '" + SecretNames.abbreviate(v)
                        + "' must be at most " + MAX_VALUE_LENGTH + " characters of letters, digits, spaces and "
                        + ":_@/+=.-! (an optional leading ! negates it).");
            }
        }
    }

    /** Whether every filter matches {@code secret} (in {@code region}). */
    public static boolean all(List<SecretFilter> filters, Secret secret, String region) {
        return filters.stream().allMatch(f -> f.matches(secret, region));
    }

    public boolean matches(Secret secret, String region) {
        for (String v : values) {
            boolean negated = v.startsWith("!");
            String term = negated ? v.substring(1) : v;
            if (matchesTerm(secret, region, term) != negated) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesTerm(Secret s, String region, String term) {
        return switch (key) {
            case NAME -> s.name().startsWith(term);
            case TAG_KEY -> s.tags().stream().anyMatch(t -> t.key().startsWith(term));
            case TAG_VALUE -> s.tags().stream().anyMatch(t -> t.value().startsWith(term));
            case PRIMARY_REGION -> region.startsWith(term);
            case OWNING_SERVICE -> false;
            case DESCRIPTION ->
                s.description()
                        .map(d -> lower(d).startsWith(lower(term))
                                || words(d).stream().anyMatch(w -> w.startsWith(lower(term))))
                        .orElse(false);
            case ALL -> {
                List<String> haystack = new ArrayList<>(words(s.name()));
                s.description().ifPresent(d -> haystack.addAll(words(d)));
                s.tags().forEach(t -> {
                    haystack.addAll(words(t.key()));
                    haystack.addAll(words(t.value()));
                });
                yield words(term).stream().anyMatch(w -> haystack.stream().anyMatch(h -> h.startsWith(w)));
            }
        };
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : WORDS.split(s)) {
            if (!w.isEmpty()) {
                out.add(lower(w));
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
