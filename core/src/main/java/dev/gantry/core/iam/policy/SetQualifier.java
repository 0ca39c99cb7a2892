package dev.gantry.core.iam.policy;

/** A condition operator's set prefix for multi-valued keys: none, {@code ForAnyValue:} or {@code ForAllValues:}. */
public enum SetQualifier {
    NONE(""),
    FOR_ANY_VALUE("ForAnyValue:"),
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
