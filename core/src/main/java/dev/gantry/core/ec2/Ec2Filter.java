package dev.gantry.core.ec2;

import java.util.List;
import java.util.Objects;

/** One {@code Filter.N} of a Describe call: a name and the values any of which may match (EC2 wildcards allowed). */
public record Ec2Filter(String name, List<String> values) {
    public Ec2Filter {
        Objects.requireNonNull(name, "name");
        values = values == null ? List.of() : List.copyOf(values);
    }
}
