package dev.gantry.core.ssm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DescribeParameters' and GetParametersByPath's ParameterFilters: checked as SSM checks them ({@link #check}), then
 * matched against a version and its parameter's tags ({@link #matches}). Filters are ANDed, a filter's values ORed.
 * Name values match with or without a leading slash.
 */
public final class ParameterFilters {
    private static final Pattern KEY = Pattern.compile("tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType");
    private static final Set<String> BY_PATH_KEYS = Set.of("Type", "KeyId", "Label");

    /** Which operation the filters are for: each allows other keys. */
    public enum Use {
        DESCRIBE,
        BY_PATH
    }

    private ParameterFilters() {}

    public static void check(List<ParameterFilter> filters, Use use) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < filters.size(); i++) {
            ParameterFilter f = filters.get(i);
            String key = f.key();
            if (!KEY.matcher(key).matches() || key.length() > 132) {
                throw SsmError.invalid(
                        key,
                        "parameterFilters." + (i + 1) + ".member.key",
                        "Member must satisfy regular expression pattern: " + KEY.pattern());
            }
            if (use == Use.DESCRIBE && key.equals("Label")) {
                throw SsmError.INVALID_FILTER_KEY.error("The following filter key is not valid: Label. Valid filter"
                        + " keys include: [Path, Name, Type, KeyId, Tier, DataType, tag].");
            }
            if (use == Use.BY_PATH && !BY_PATH_KEYS.contains(key) && !key.startsWith("tag:")) {
                throw SsmError.INVALID_FILTER_KEY.error("The following filter key is not valid: " + key
                        + ". Valid filter keys include: [Type, KeyId, Label, tag].");
            }
            if (!seen.add(key)) {
                throw SsmError.VALIDATION.error("The following filter is duplicated in the request: " + key
                        + ". A request can contain only one occurrence of a specific filter.");
            }
            if (f.values().isEmpty() && !key.startsWith("tag:")) {
                throw SsmError.INVALID_FILTER_VALUE.error(
                        "The following filter values are missing : null for filter key " + key + ".");
            }
            if (f.values().size() > 50) {
                throw SsmError.invalid(
                        f.values(),
                        "parameterFilters." + (i + 1) + ".member.values",
                        "Member must have length less than or equal to 50");
            }
            checkOption(f, use);
            checkValues(f);
        }
    }

    private static void checkOption(ParameterFilter f, Use use) {
        String option = f.effectiveOption();
        List<String> allowed;
        if (f.key().equals("Path")) {
            allowed = List.of("Recursive", "OneLevel");
        } else if (f.key().equals("Label")) {
            allowed = List.of("Equals");
        } else if (f.key().equals("Name") && use == Use.DESCRIBE) {
            allowed = List.of("BeginsWith", "Contains", "Equals");
        } else {
            allowed = List.of("BeginsWith", "Equals");
        }
        if (!allowed.contains(option)) {
            throw SsmError.INVALID_FILTER_OPTION.error("The following filter option is not valid: " + option
                    + ". Valid options include: " + allowed + ".");
        }
    }

    private static void checkValues(ParameterFilter f) {
        for (String v : f.values()) {
            if (v.isEmpty() || v.length() > 1024) {
                throw SsmError.invalid(
                        v, "parameterFilters.member.values", "Member must have length between 1 and 1024");
            }
            switch (f.key()) {
                case "Type" -> {
                    if (ParameterType.fromWire(v).isEmpty()) {
                        throw SsmError.INVALID_FILTER_VALUE.error("The following filter value is not valid: " + v
                                + ". Valid values include: [String, StringList, SecureString].");
                    }
                }
                case "Tier" -> {
                    if (ParameterTier.fromWire(v).isEmpty() || v.equals("Intelligent-Tiering")) {
                        throw SsmError.INVALID_FILTER_VALUE.error("The following filter value is not valid: " + v
                                + ". Valid values include: [Standard, Advanced].");
                    }
                }
                case "Path" -> ParameterNames.checkPath(v);
                default -> {}
            }
        }
    }

    /** Whether {@code v} (with its parameter's {@code tags}) passes every filter. */
    public static boolean matches(List<ParameterFilter> filters, ParameterVersion v, Map<String, String> tags) {
        return filters.stream().allMatch(f -> matches(f, v, tags));
    }

    static boolean matches(ParameterFilter f, ParameterVersion v, Map<String, String> tags) {
        String option = f.effectiveOption();
        String key = f.key();
        if (key.startsWith("tag:")) {
            String tagKey = key.substring(4);
            String tagValue = tags.get(tagKey);
            return tagValue != null && (f.values().isEmpty() || anyMatches(option, tagValue, f.values()));
        }
        return switch (key) {
            case "Name" -> f.values().stream().anyMatch(value -> nameMatches(option, v.name(), value));
            case "Type" -> anyMatches(option, v.type().wireName(), f.values());
            case "KeyId" ->
                v.keyId().map(k -> anyMatches(option, k, f.values())).orElse(false);
            case "Tier" -> anyMatches(option, v.tier().wireName(), f.values());
            case "DataType" -> anyMatches(option, v.dataType(), f.values());
            case "Label" -> v.labels().stream().anyMatch(f.values()::contains);
            case "Path" ->
                f.values().stream()
                        .anyMatch(p -> ParameterNames.under(
                                v.name(), ParameterNames.checkPath(p), option.equals("Recursive")));
            default -> false;
        };
    }

    private static boolean nameMatches(String option, String name, String value) {
        if (option.equals("Contains")) {
            return name.contains(value);
        }
        String n = name.startsWith("/") ? name : "/" + name;
        String w = value.startsWith("/") ? value : "/" + value;
        return option.equals("BeginsWith") ? n.startsWith(w) : n.equals(w);
    }

    private static boolean anyMatches(String option, String actual, List<String> values) {
        return values.stream().anyMatch(v -> option.equals("BeginsWith") ? actual.startsWith(v) : actual.equals(v));
    }
}
