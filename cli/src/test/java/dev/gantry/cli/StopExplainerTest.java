package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class StopExplainerTest {

    private static Task.Builder stopped(TaskStopCode code, String reason) {
        return Task.builder()
                .taskArn("arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef")
                .lastStatus("STOPPED")
                .desiredStatus("STOPPED")
                .stopCode(code)
                .stoppedReason(reason)
                .memory("1024");
    }

    private static Container container(String name, Integer exit, String reason) {
        return Container.builder()
                .name(name)
                .lastStatus("STOPPED")
                .exitCode(exit)
                .reason(reason)
                .memory("512")
                .build();
    }

    @Test
    void runningTaskHasNoExplanation() {
        Task t = Task.builder().lastStatus("RUNNING").desiredStatus("RUNNING").build();
        assertThat(StopExplainer.explain(t)).isEmpty();
    }

    @Test
    void userInitiatedQuotesTheReason() {
        Task t = stopped(TaskStopCode.USER_INITIATED, "deploying v2").build();
        assertThat(StopExplainer.explain(t)).hasValue("It was stopped by a StopTask call: deploying v2.");
    }

    @Test
    void userInitiatedWithoutReasonUsesEcsDefaultWording() {
        Task t = stopped(TaskStopCode.USER_INITIATED, null).build();
        assertThat(StopExplainer.explain(t)).hasValue("It was stopped by a StopTask call: Task stopped by user.");
    }

    @Test
    void essentialExitNamesTheContainerAndItsExitCode() {
        Task t = stopped(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited")
                .containers(container("web", 1, null))
                .build();
        assertThat(StopExplainer.explain(t))
                .get()
                .asString()
                .contains("The essential container web exited with code 1")
                .contains("When an essential container exits, ECS stops the whole task.");
    }

    @Test
    void essentialExitBlamesTheEssentialContainerNotTheOnesStoppedWithIt() {
        Task t = stopped(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited")
                .containers(container("job", 0, null), container("sidecar", 143, null), container("log", 2, null))
                .build();
        String why = StopExplainer.explain(t, Set.of("job", "sidecar")).orElseThrow();
        assertThat(why)
                .contains("job exited with code 0 (it finished normally)")
                .doesNotContain("sidecar")
                .doesNotContain("log ");
    }

    @Test
    void outOfMemoryNamesTheContainerAndSuggestsMoreMemory() {
        Task t = stopped(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited")
                .containers(container("api", 137, "OutOfMemoryError: Container killed due to memory usage"))
                .build();
        assertThat(StopExplainer.explain(t))
                .get()
                .asString()
                .startsWith("Container api used more memory than its limit and was killed (OutOfMemoryError).")
                .contains("Raise its memory (now 512 MiB) or the task's memory (now 1024 MiB)")
                .contains("ECS stops the whole task");
    }

    @Test
    void exit137WithoutOomReasonIsNotCalledOutOfMemory() {
        Task t = stopped(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited")
                .containers(container("api", 137, null))
                .build();
        assertThat(StopExplainer.explain(t))
                .get()
                .asString()
                .doesNotContain("OutOfMemoryError")
                .contains("killed with SIGKILL");
    }

    @Test
    void pullFailureSaysTheImageCouldNotBePulled() {
        Task t = stopped(
                        TaskStopCode.TASK_FAILED_TO_START,
                        "CannotPullContainerError: pull image nope:latest: manifest unknown")
                .build();
        assertThat(StopExplainer.explain(t))
                .hasValue("The image could not be pulled: pull image nope:latest:"
                        + " manifest unknown. Check the image name; with no registry reachable, build it locally first"
                        + " (docker build -t <image> .).");
    }

    @Test
    void knownErrorsAreFoundInContainerReasonsToo() {
        Task t = stopped(TaskStopCode.TASK_FAILED_TO_START, "Task failed to start")
                .containers(container("app", null, "CannotStartContainerError: exec: \"nope\": not found"))
                .build();
        assertThat(StopExplainer.explain(t))
                .get()
                .asString()
                .startsWith("A container could not be started: exec: \"nope\": not found.");
    }

    @Test
    void resourceInitializationAndDependencyTimeoutAreExplained() {
        Task init = stopped(
                        TaskStopCode.TASK_FAILED_TO_START,
                        "ResourceInitializationError: failed to validate logger args")
                .build();
        Task dep = stopped(
                        TaskStopCode.TASK_FAILED_TO_START,
                        "DependencyTimeoutError: container web: db did not become HEALTHY")
                .build();
        assertThat(StopExplainer.explain(init))
                .get()
                .asString()
                .startsWith("The task's resources could not be prepared before its containers started: failed to"
                        + " validate logger args.");
        assertThat(StopExplainer.explain(dep))
                .get()
                .asString()
                .startsWith("A container's dependsOn condition was not met in time: container web: db did not"
                        + " become HEALTHY.")
                .contains("startTimeout");
    }

    @Test
    void unknownReasonIsGivenVerbatim() {
        Task t = stopped(null, "Host retired for maintenance")
                .stopCode("InfrastructureHealth")
                .build();
        assertThat(StopExplainer.explain(t)).hasValue("Host retired for maintenance");
    }

    @Test
    void exitCodeMeanings() {
        assertThat(StopExplainer.exit(null)).isEqualTo("without an exit code");
        assertThat(StopExplainer.exit(127)).isEqualTo("with code 127 (its command was not found)");
        assertThat(StopExplainer.exit(3)).isEqualTo("with code 3 (an error; its logs may say why)");
    }
}
