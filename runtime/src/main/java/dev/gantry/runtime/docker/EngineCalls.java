package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;

/** Engine calls with the tolerance Gantry needs, shared by the pool and the driver. */
final class EngineCalls {

    /** How long a name reserved by a concurrent create may take to become an inspectable container. */
    static final Duration RESERVED_NAME_GRACE = Duration.ofSeconds(10);

    private EngineCalls() {}

    /** Force-removes a container (killing it if running) with its anonymous volumes; gone is fine. */
    static void forceRemove(DockerClient docker, String idOrName) {
        try {
            docker.removeContainerCmd(idOrName)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException | ConflictException gone) {
            // already gone, or its removal is already in progress
        }
    }

    /**
     * Inspects a container whose name a create just reported as taken. Docker reserves the name before the
     * container exists, so a concurrent creator's container may be briefly not found: retry for a bounded time.
     */
    static InspectContainerResponse inspectTakenName(DockerClient docker, String name) {
        long deadline = System.nanoTime() + RESERVED_NAME_GRACE.toNanos();
        while (true) {
            try {
                return docker.inspectContainerCmd(name).exec();
            } catch (NotFoundException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
