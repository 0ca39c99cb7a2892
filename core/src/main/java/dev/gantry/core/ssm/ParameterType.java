package dev.gantry.core.ssm;

import java.util.Arrays;
import java.util.Optional;

/** A parameter's type, under its wire name. */
public enum ParameterType {
    STRING("String"),
    STRING_LIST("StringList"),
    SECURE_STRING("SecureString");

    private final String wireName;

    ParameterType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ParameterType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The type named {@code name}, or the ValidationException AWS's model gives for member {@code member}. */
    public static ParameterType parse(String name, String member) {
        return fromWire(name)
                .orElseThrow(() -> SsmError.invalid(
                        name, member, "Member must satisfy enum value set: [SecureString, StringList, String]"));
    }
}
