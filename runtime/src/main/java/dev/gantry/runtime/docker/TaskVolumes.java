package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a task's scratch volumes once its containers are gone (the engine created them, labelled with the task, on
 * the first mount: {@link EngineIsolation}). Persistent volumes are never removed by Gantry: they outlive tasks, as
 * an EFS file system does; {@code docker volume rm} them by hand (they are labelled with the installation).
 */
final class TaskVolumes {
    private static final Logger LOG = LoggerFactory.getLogger(TaskVolumes.class);

    private final DockerClient docker;
    private final String installationId;

    TaskVolumes(DockerClient docker, String installationId) {
        this.docker = docker;
        this.installationId = installationId;
    }

    /** Removes the task's scratch volumes; a volume still in use (a container not yet removed) is left and logged. */
    void removeAll(String taskId) {
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd()
                .withFilter(
                        "label",
                        List.of(
                                Names.LABEL_INSTALLATION + "=" + installationId,
                                Names.LABEL_TASK_ID + "=" + taskId,
                                Names.LABEL_ROLE + "=" + Names.ROLE_TASK_VOLUME))
                .exec()
                .getVolumes();
        if (volumes == null) {
            return;
        }
        for (InspectVolumeResponse v : volumes) {
            try {
                docker.removeVolumeCmd(v.getName()).exec();
            } catch (NotFoundException gone) {
                // removed concurrently
            } catch (ConflictException inUse) {
                LOG.atWarn()
                        .addKeyValue("taskId", taskId)
                        .addKeyValue("volume", v.getName())
                        .log("task volume still in use; left for the next clean-up");
            }
        }
    }
}
