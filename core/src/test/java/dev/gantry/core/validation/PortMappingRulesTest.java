package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.testing.TaskDefs.port;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.PortMapping;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortMappingRulesTest {

    static Consumer<Task> ports(PortMapping... mappings) {
        return t -> t.container(0).portMappings = Arrays.asList(mappings);
    }

    static PortMapping mapping(Integer containerPort, Integer hostPort, String protocol) {
        return new PortMapping(containerPort, hostPort, protocol, null, null);
    }

    static PortMapping named(int containerPort, String name, String appProtocol) {
        return new PortMapping(containerPort, null, null, name, appProtocol);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("containerPort only", ports(port(80))),
                ok("hostPort equal", ports(mapping(8080, 8080, "tcp"))),
                ok("same port tcp and udp", ports(mapping(53, null, "tcp"), mapping(53, null, "udp"))),
                ok("bounds", ports(port(1), port(65535))),
                ok(
                        "name and appProtocol",
                        ports(named(80, "web-http_1", "http"), named(81, "g", "grpc"), named(82, "h2", "http2"))),
                ok("different ports in two containers", t -> {
                    t.container(0).portMappings = List.of(port(80));
                    t.add("api").portMappings = List.of(port(8080));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(
                        "no containerPort",
                        ports(mapping(null, 80, null)),
                        CLIENT,
                        "Every port mapping needs a 'containerPort' between 1 and 65535"),
                bad("null mapping", ports((PortMapping) null), CLIENT, "needs a 'containerPort'"),
                bad("port 0", ports(port(0)), CLIENT, "containerPort 0 is out of range"),
                bad("port 65536", ports(port(65536)), CLIENT, "containerPort 65536 is out of range"),
                bad(
                        "hostPort differs",
                        ports(mapping(80, 8080, null)),
                        CLIENT,
                        "When networkMode=awsvpc, the host ports and container ports in port mappings must match."),
                bad(
                        "hostPort differs says fix",
                        ports(mapping(80, 8080, null)),
                        CLIENT,
                        "omit hostPort or set it to 80"),
                bad("hostPort 0", ports(mapping(80, 0, null)), CLIENT, "must match"),
                bad(
                        "protocol sctp",
                        ports(mapping(80, null, "sctp")),
                        CLIENT,
                        "protocol 'sctp' is not valid; use \"tcp\" (the default) or \"udp\""),
                bad("protocol upper case", ports(mapping(80, null, "TCP")), CLIENT, "protocol 'TCP' is not valid"),
                bad("name upper case", ports(named(80, "Web", null)), CLIENT, "Port mapping name 'Web' is not valid"),
                bad("name starts with hyphen", ports(named(80, "-web", null)), CLIENT, "not starting with a hyphen"),
                bad("name too long", ports(named(80, "n".repeat(65), null)), CLIENT, "up to 64"),
                bad(
                        "appProtocol tcp",
                        ports(named(80, "web", "tcp")),
                        CLIENT,
                        "appProtocol 'tcp' is not valid; use one of http, http2, grpc"),
                bad(
                        "same port twice in one container",
                        ports(port(80), port(80)),
                        CLIENT,
                        "Port 80/tcp is mapped more than once (container 'web' and container 'web')"),
                bad(
                        "default tcp equals explicit tcp",
                        ports(port(80), mapping(80, null, "tcp")),
                        CLIENT,
                        "Port 80/tcp is mapped more than once"),
                bad(
                        "same port in two containers",
                        t -> {
                            t.container(0).portMappings = List.of(port(80));
                            t.add("api").portMappings = List.of(port(80));
                        },
                        CLIENT,
                        "(container 'web' and container 'api'). Containers in an awsvpc task share"),
                bad(
                        "same port name twice",
                        ports(named(80, "web", null), named(81, "web", null)),
                        CLIENT,
                        "Port mapping name 'web' is used more than once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }
}
