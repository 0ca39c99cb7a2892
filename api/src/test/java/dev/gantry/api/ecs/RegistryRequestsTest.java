package dev.gantry.api.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.api.protocol.Json;
import dev.gantry.control.discovery.DiscoveryRegistry;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.PortMapping;
import dev.gantry.core.taskdef.TaskDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** serviceRegistries as ECS checks them: the registry must exist, port rules per record type, the container's port. */
class RegistryRequestsTest {
    private static final String A = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-a";
    private static final String SRV = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-s";
    private static final String HTTP = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-h";
    private static final Map<String, DiscoveryRegistry.Registry> KNOWN = Map.of(
            A, new DiscoveryRegistry.Registry(A, "srv-a", true, false, false),
            SRV, new DiscoveryRegistry.Registry(SRV, "srv-s", true, true, false),
            HTTP, new DiscoveryRegistry.Registry(HTTP, "srv-h", false, false, false));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[{\"registryArn\":\"A\"},{\"registryArn\":\"A\"}]                              | Only one service registry",
                "[{\"port\":80}]                                                                | registryArn is required",
                "[{\"registryArn\":\"arn:aws:servicediscovery:us-east-1:000000000000:service/srv-x\"}] | does not exist",
                "[{\"registryArn\":\"SRV\",\"port\":80,\"containerName\":\"app\",\"containerPort\":8080}] | but not both",
                "[{\"registryArn\":\"SRV\",\"containerName\":\"app\"}]                          | both 'containerName' and 'containerPort'",
                "[{\"registryArn\":\"SRV\"}]                                                    | must be specified for a service registry with SRV",
                "[{\"registryArn\":\"A\",\"containerName\":\"app\",\"containerPort\":8080}]    | do not require a value for 'containerPort'",
                "[{\"registryArn\":\"A\",\"port\":8080}]                                        | do not require a value for 'port'",
                "[{\"registryArn\":\"SRV\",\"containerName\":\"db\",\"containerPort\":8080}]   | The container db does not exist",
                "[{\"registryArn\":\"SRV\",\"containerName\":\"app\",\"containerPort\":9}]     | did not have a container port 9",
                "[{\"registryArn\":\"SRV\",\"port\":70000}]                                     | 0-65535"
            })
    void refusesAsEcsDoes(String regs, String fragment) {
        assertThatThrownBy(() -> checked(regs))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(fragment)
                .extracting(e -> ((ApiException) e).code().wireName())
                .isEqualTo("InvalidParameterException");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[{\"registryArn\":\"A\"}]                                                      | ",
                "[{\"registryArn\":\"SRV\",\"port\":53}]                                        | 53",
                "[{\"registryArn\":\"SRV\",\"containerName\":\"app\",\"containerPort\":8080}]  | 8080",
                "[{\"registryArn\":\"HTTP\",\"port\":80}]                                       | 80",
                "[{\"registryArn\":\"HTTP\"}]                                                   | "
            })
    void accepts(String regs, Integer port) throws Exception {
        assertThatCode(() -> checked(regs)).doesNotThrowAnyException();
        assertThat(checked(regs).get(0).instancePort()).isEqualTo(Optional.ofNullable(port));
    }

    private static List<ServiceRegistry> checked(String regs) throws Exception {
        String json = "{\"serviceRegistries\":"
                + regs.replace("\"A\"", "\"" + A + "\"")
                        .replace("\"SRV\"", "\"" + SRV + "\"")
                        .replace("\"HTTP\"", "\"" + HTTP + "\"")
                + "}";
        List<ServiceRegistry> out =
                RegistryRequests.read(Json.mapper().readTree(json)).orElseThrow();
        RegistryRequests.check(out, definition(), registries());
        return out;
    }

    private static DiscoveryRegistry registries() {
        DiscoveryRegistry none = DiscoveryRegistry.unavailable();
        return new DiscoveryRegistry() {
            @Override
            public Optional<Registry> registry(String registryArn) {
                return Optional.ofNullable(KNOWN.get(registryArn));
            }

            @Override
            public List<Instance> instances(String registryArn) {
                return none.instances(registryArn);
            }

            @Override
            public void register(String registryArn, String instanceId, Map<String, String> attributes) {
                none.register(registryArn, instanceId, attributes);
            }

            @Override
            public void deregister(String registryArn, String instanceId) {
                none.deregister(registryArn, instanceId);
            }

            @Override
            public void setHealth(String registryArn, String instanceId, boolean healthy) {
                none.setHealth(registryArn, instanceId, healthy);
            }
        };
    }

    private static TaskDefinition definition() {
        ContainerDefinition c = new ContainerDefinition(
                "app",
                "app:1",
                null,
                null,
                null,
                List.of(new PortMapping(8080, null, null, null, null)),
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new TaskDefinition(
                "arn:aws:ecs:us-east-1:000000000000:task-definition/backend:1",
                "backend",
                1,
                List.of(c),
                null,
                null,
                "awsvpc",
                null,
                null,
                "256",
                "512",
                "ACTIVE",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
