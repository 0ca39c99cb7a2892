package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.testing.TaskDefs.Container;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Container cpu/memory against a 1 vCPU / 2048 MiB task. */
class ResourceRulesTest {

    static Consumer<Task> sized(Consumer<Task> then) {
        return t -> {
            t.cpu = "1024";
            t.memory = "2048";
            then.accept(t);
        };
    }

    static Consumer<Task> web(Integer cpu, Integer memory, Integer reservation) {
        return sized(t -> set(t.container(0), cpu, memory, reservation));
    }

    static void set(Container c, Integer cpu, Integer memory, Integer reservation) {
        c.cpu = cpu;
        c.memory = memory;
        c.memoryReservation = reservation;
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("neither memory nor reservation (Fargate)", web(null, null, null)),
                ok("memory equal to the task", web(1024, 2048, null)),
                ok("reservation below memory", web(null, 1024, 512)),
                ok("reservation equal to memory", web(null, 1024, 1024)),
                ok("minimum 6 MiB", web(0, 6, 6)),
                ok("hard limit above the sum when the reservation fits", sized(t -> {
                    set(t.container(0), 512, 2048, 1024);
                    set(t.add("side"), 512, null, 1024);
                })),
                ok("sums exactly the task", sized(t -> {
                    set(t.container(0), 512, 1024, null);
                    set(t.add("side"), 512, null, 1024);
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("negative cpu", web(-1, null, null), CLIENT, "container cpu units must not be negative"),
                bad(
                        "memory 5",
                        web(null, 5, null),
                        CLIENT,
                        "Invalid setting for container 'web'. 'memory' is 5 MiB; the minimum is 6 MiB"),
                bad("memory 0", web(null, 0, null), CLIENT, "'memory' is 0 MiB"),
                bad("reservation 4", web(null, null, 4), CLIENT, "'memoryReservation' is 4 MiB; the minimum is 6"),
                bad(
                        "reservation above memory",
                        web(null, 512, 1024),
                        CLIENT,
                        "'memoryReservation' (1024 MiB) is greater than 'memory' (512 MiB)"),
                bad(
                        "container memory above the task",
                        web(null, 4096, null),
                        CLIENT,
                        "The 'memory' setting for container is greater than for the task: 4096 MiB > 2048 MiB"),
                bad(
                        "reservation above the task",
                        web(null, null, 3000),
                        CLIENT,
                        "The containers reserve 3000 MiB in total"),
                bad(
                        "cpu above the task",
                        web(2048, null, null),
                        CLIENT,
                        "Invalid 'cpu' setting for task. The containers' cpu adds up to 2048 units, more than the task's 1024"),
                bad(
                        "cpu sum above the task",
                        sized(t -> {
                            set(t.container(0), 768, null, null);
                            set(t.add("side"), 512, null, null);
                        }),
                        CLIENT,
                        "cpu adds up to 1280 units"),
                bad(
                        "memory sum above the task",
                        sized(t -> {
                            set(t.container(0), null, 1536, null);
                            set(t.add("side"), null, 1024, null);
                        }),
                        CLIENT,
                        "Invalid 'memory' setting for task. The containers reserve 2560 MiB"),
                bad(
                        "reservations count instead of memory",
                        sized(t -> {
                            set(t.container(0), null, 2048, 1500);
                            set(t.add("side"), null, null, 600);
                        }),
                        CLIENT,
                        "reserve 2100 MiB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }
}
