package dev.gantry.core.inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An environment file's contents, read as ECS reads it ("like a native Docker env-file"): one
 * {@code VARIABLE=VALUE} per line; leading whitespace is dropped; blank lines and lines starting with {@code #} are
 * ignored; the value is everything after the first {@code =}, taken literally (no quotes removed, no escapes, no
 * multi-line values). A line with no {@code =} (which Docker would fill from its own environment) is skipped, as
 * Fargate has no environment to fill it from. A variable name with whitespace, or an empty one, makes the file
 * invalid. Within one file a repeated variable takes its last value, as Docker's env-file does.
 */
public final class EnvFile {
    private EnvFile() {}

    /** The variables of {@code contents} in order; an {@link IllegalArgumentException} names the bad line. */
    public static Map<String, String> parse(String contents) {
        Map<String, String> vars = new LinkedHashMap<>();
        String text = contents.startsWith("\uFEFF") ? contents.substring(1) : contents;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            problem(lines[i]).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            String line = lines[i].stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = line.substring(0, eq);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has no variable name before '='");
            }
            if (name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": variable '" + name + "' contains whitespace");
            }
            vars.put(name, line.substring(eq + 1));
        }
        return vars;
    }

    private static Optional<String> problem(String line) {
        return line.indexOf('\0') >= 0 ? Optional.of("the file contains a NUL byte") : Optional.empty();
    }

    /**
     * The variables of several files in ECS's precedence: the first file that sets a variable wins.
     * ({@code environment} wins over all of them; that is the caller's merge.)
     */
    public static Map<String, String> merge(Iterable<Map<String, String>> files) {
        Map<String, String> merged = new LinkedHashMap<>();
        files.forEach(f -> f.forEach(merged::putIfAbsent));
        return merged;
    }
}
