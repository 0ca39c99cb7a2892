package dev.gantry.server.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.gantry.runtime.docker.Names;
import dev.gantry.store.ecs.SettingsStore;
import dev.gantry.store.sqlite.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The tests' direct view of the engine: what it was told about a container, and removal of every object a test
 * installation created. A real Gantry leaves its running tasks for the next
 * start to re-adopt; a test's temp data dir never starts again, so its objects must go.
 */
final class Engine {
    private Engine() {}

    /** The installation id recorded in a (stopped) server's data dir. */
    static String installationOf(Path dataDir) {
        try (Database db = Database.open(dataDir.resolve("gantry.db"))) {
            return new SettingsStore(db).getOrCreate("installation-id", () -> {
                throw new IllegalStateException("no installation id in " + dataDir);
            });
        }
    }

    static void removeInstallation(String installationId) {
        try (DockerClient docker = client()) {
            List<Container> owned = new ArrayList<>(docker.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(Names.LABEL_INSTALLATION, installationId))
                    .exec());
            // containers before sandboxes: a sandbox's cgroup may hold its task's containers
            owned.sort(Comparator.comparing(
                    c -> Names.ROLE_SANDBOX.equals(c.getLabels().get(Names.LABEL_ROLE))));
            for (Container c : owned) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            // then the subnets' networks it made (never the shared default network, which carries no installation)
            for (var n : docker.listNetworksCmd()
                    .withFilter("label", List.of(Names.LABEL_INSTALLATION + "=" + installationId))
                    .exec()) {
                docker.removeNetworkCmd(n.getId()).exec();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client for the engine the tests run against (DOCKER_HOST or the default socket). */
    static DockerClient client() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .build());
    }

    /** What the engine says about a container (for assertions on the limits Gantry set). */
    static com.github.dockerjava.api.command.InspectContainerResponse inspect(String containerId) {
        try (DockerClient docker = client()) {
            return docker.inspectContainerCmd(containerId).exec();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the engine lets a task's containers share one cgroup (Docker, cgroupfs driver, cgroup v1). */
    static boolean givesTasksACgroup() {
        try (DockerClient docker = client()) {
            var info = docker.infoCmd().exec();
            return "cgroupfs".equals(info.getCGroupDriver()) && "1".equals(info.getCGroupVersion());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kills a task's container by hand, as a user with `docker kill` would (SIGKILL, no stop through Gantry). */
    static void kill(String taskId, String containerName) {
        try (DockerClient docker = client()) {
            Container c = docker
                    .listContainersCmd()
                    .withLabelFilter(Map.of(
                            Names.LABEL_TASK_ID, taskId,
                            Names.LABEL_CONTAINER_NAME, containerName))
                    .exec()
                    .stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no running container " + containerName + " of " + taskId));
            docker.killContainerCmd(c.getId()).exec();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void removeInstallationOf(Path dataDir) {
        removeInstallation(installationOf(dataDir));
    }
}
