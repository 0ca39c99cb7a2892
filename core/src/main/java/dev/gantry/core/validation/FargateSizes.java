package dev.gantry.core.validation;

import dev.gantry.core.error.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Linux Fargate task sizes (CPU units and MiB of memory) and the parsing of ECS's size strings.
 *
 * <p>ECS accepts task {@code cpu} as CPU units ({@code "1024"}) or vCPUs ({@code "1 vCPU"}, {@code ".25 vcpu"})
 * and task {@code memory} as MiB ({@code "2048"}) or GB ({@code "2 GB"}, {@code "2GB"}, {@code "0.5 GB"}); it stores
 * both as integer strings. Gantry also accepts an explicit {@code "MiB"} suffix ({@code "1024 MiB"}), which the ECS
 * docs describe ("expressed in MiB or GB") but the API reference does not show.
 */
public final class FargateSizes {

    /** A valid Fargate task size. */
    public record Size(int cpuUnits, int memoryMiB) {
        /** CPU units as ECS stores them, e.g. {@code "1024"}. */
        public String cpu() {
            return Integer.toString(cpuUnits);
        }

        /** MiB as ECS stores them, e.g. {@code "2048"}. */
        public String memory() {
            return Integer.toString(memoryMiB);
        }
    }

    private record Row(int cpu, String vcpu, int minMemory, int maxMemory, int step, String described) {
        boolean allows(int memory) {
            if (cpu == 256) {
                return memory == 512 || memory == 1024 || memory == 2048;
            }
            return memory >= minMemory && memory <= maxMemory && (memory - minMemory) % step == 0;
        }

        List<Integer> memoryValues() {
            if (cpu == 256) {
                return List.of(512, 1024, 2048);
            }
            List<Integer> values = new ArrayList<>();
            for (int m = minMemory; m <= maxMemory; m += step) {
                values.add(m);
            }
            return List.copyOf(values);
        }

        String label() {
            return cpu + " (" + vcpu + " vCPU)";
        }
    }

    /** facts §4.1; 8 and 16 vCPU need platform 1.4.0, which is what Gantry emulates. */
    private static final List<Row> ROWS = List.of(
            new Row(256, ".25", 512, 2048, 512, "512, 1024 or 2048"),
            new Row(512, ".5", 1024, 4096, 1024, "1024, 2048, 3072 or 4096"),
            new Row(1024, "1", 2048, 8192, 1024, "2048 to 8192 in steps of 1024"),
            new Row(2048, "2", 4096, 16384, 1024, "4096 to 16384 in steps of 1024"),
            new Row(4096, "4", 8192, 30720, 1024, "8192 to 30720 in steps of 1024"),
            new Row(8192, "8", 16384, 61440, 4096, "16384 to 61440 in steps of 4096"),
            new Row(16384, "16", 32768, 122880, 8192, "32768 to 122880 in steps of 8192"));

    private static final BigDecimal MIB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final String NUMBER = "(\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern PLAIN = Pattern.compile(NUMBER);
    private static final Pattern VCPU = Pattern.compile(NUMBER + "\\s*vcpus?", Pattern.CASE_INSENSITIVE);
    private static final Pattern GB = Pattern.compile(NUMBER + "\\s*gb", Pattern.CASE_INSENSITIVE);
    private static final Pattern MIB = Pattern.compile(NUMBER + "\\s*mib", Pattern.CASE_INSENSITIVE);

    private FargateSizes() {}

    /** CPU units from {@code "1024"}, {@code "1 vCPU"}, {@code ".25 vcpu"}, {@code "0.5 vCPU"}. */
    public static int parseCpu(String cpu) {
        String text = cpu == null ? "" : cpu.strip();
        Optional<Integer> units = scaled(PLAIN, text, BigDecimal.ONE).or(() -> scaled(VCPU, text, MIB_PER_GB));
        return units.orElseThrow(() -> ApiException.client("Invalid 'cpu' setting for task. '" + cpu
                + "' is not a CPU size: use CPU units such as \"1024\" or vCPUs such as \"1 vCPU\" or \".25 vCPU\". "
                + validCpuSentence()));
    }

    /** MiB from {@code "2048"}, {@code "2 GB"}, {@code "2GB"}, {@code "0.5 GB"}, {@code "1024 MiB"}. */
    public static int parseMemory(String memory) {
        String text = memory == null ? "" : memory.strip();
        Optional<Integer> mib = scaled(PLAIN, text, BigDecimal.ONE)
                .or(() -> scaled(GB, text, MIB_PER_GB))
                .or(() -> scaled(MIB, text, BigDecimal.ONE));
        return mib.orElseThrow(() -> ApiException.client("Invalid 'memory' setting for task. '" + memory
                + "' is not a memory size: use MiB such as \"2048\" or GB such as \"2 GB\"."));
    }

    /** The CPU units string ECS stores for {@code cpu}, e.g. {@code "1 vCPU"} becomes {@code "1024"}. */
    public static String normalizeCpu(String cpu) {
        return Integer.toString(parseCpu(cpu));
    }

    /** The MiB string ECS stores for {@code memory}, e.g. {@code "2 GB"} becomes {@code "2048"}. */
    public static String normalizeMemory(String memory) {
        return Integer.toString(parseMemory(memory));
    }

    /** Parses both strings and checks they form a Fargate size. */
    public static Size normalize(String cpu, String memory) {
        Size size = new Size(parseCpu(cpu), parseMemory(memory));
        validate(size.cpuUnits(), size.memoryMiB());
        return size;
    }

    /** Whether Fargate has a task size with exactly this CPU and memory. */
    public static boolean isValid(int cpuUnits, int memoryMiB) {
        return row(cpuUnits).map(r -> r.allows(memoryMiB)).orElse(false);
    }

    /** Throws a {@code ClientException} listing the valid values unless Fargate has this task size. */
    public static void validate(int cpuUnits, int memoryMiB) {
        Row row = row(cpuUnits)
                .orElseThrow(() -> ApiException.client("Invalid 'cpu' setting for task. "
                        + "No Fargate configuration exists for given values: " + cpuUnits + " CPU, " + memoryMiB
                        + " memory. " + validCpuSentence()));
        if (row.allows(memoryMiB)) {
            return;
        }
        List<Integer> fitting =
                ROWS.stream().filter(r -> r.allows(memoryMiB)).map(Row::cpu).toList();
        String alternative = fitting.isEmpty()
                ? " No Fargate CPU size accepts " + memoryMiB + " MiB."
                : " " + memoryMiB + " MiB is available with cpu " + join(fitting) + ".";
        throw ApiException.client("Invalid 'memory' setting for task. No Fargate configuration exists for given "
                + "values: " + cpuUnits + " CPU, " + memoryMiB + " memory. With cpu " + row.label()
                + " memory must be " + row.described() + " (MiB)." + alternative);
    }

    /** Fargate's CPU sizes in units, smallest first. */
    public static List<Integer> cpuUnits() {
        return ROWS.stream().map(Row::cpu).toList();
    }

    /** The memory sizes (MiB) Fargate allows with {@code cpuUnits}; empty if that is not a Fargate CPU size. */
    public static List<Integer> memoryFor(int cpuUnits) {
        return row(cpuUnits).map(Row::memoryValues).orElse(List.of());
    }

    private static Optional<Row> row(int cpuUnits) {
        return ROWS.stream().filter(r -> r.cpu() == cpuUnits).findFirst();
    }

    private static String validCpuSentence() {
        return "Fargate supports cpu " + ROWS.stream().map(Row::label).collect(Collectors.joining(", ")) + ".";
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A positive whole number of units after scaling, or empty if the text does not parse to one. */
    private static Optional<Integer> scaled(Pattern pattern, String text, BigDecimal factor) {
        Matcher m = pattern.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 12) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(1)).multiply(factor);
        if (value.signum() <= 0
                || value.compareTo(MAX) > 0
                || value.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        return Optional.of(value.intValueExact());
    }
}
