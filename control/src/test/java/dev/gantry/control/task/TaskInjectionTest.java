package dev.gantry.control.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.inject.DataDirObjects;
import dev.gantry.control.inject.Injector;
import dev.gantry.control.inject.MapSecretSource;
import dev.gantry.control.logs.AwsLogsTarget;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.EnvironmentFile;
import dev.gantry.core.taskdef.RepositoryCredentials;
import dev.gantry.core.taskdef.Secret;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.runtime.fake.FakeDriver;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.RegistryAuth;
import dev.gantry.store.ecs.TaskStore;
import dev.gantry.store.sqlite.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's secrets, environment files and registry credentials through the runner, on the fake engine: what the
 * container is given, and how a start fails (stop code, Fargate's reason) when they cannot be had.
 */
class TaskInjectionTest {
    static final String ROLE = "arn:aws:iam::000000000000:role/exec";
    static final String DB = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf";
    static final String REG = "arn:aws:secretsmanager:us-east-1:000000000000:secret:reg-AbCdEf";
    static final String PRIVATE = "127.0.0.1:5000/team/app:1";

    @TempDir
    Path dir;

    private Database db;
    private TaskStore store;
    private FakeDriver driver;
    private TaskSupervisor supervisor;
    private final MapSecretSource secrets = new MapSecretSource()
            .put(DB, "{\"password\":\"pw-0123456789\"}")
            .put("/app/flag", "flag-on-42")
            .put(REG, "{\"username\":\"ci\",\"password\":\"reg-pw\"}")
            .allow(ROLE);

    private final CapturedLogs logs = new CapturedLogs() {
        public boolean groupExists(String group) {
            return true;
        }

        public boolean openStream(AwsLogsTarget target) {
            return true;
        }

        public Optional<Instant> lastCaptured(String group, String stream) {
            return Optional.empty();
        }

        public void append(String group, String stream, List<LogLine> lines, boolean createGroup) {}
    };

    @BeforeEach
    void start() throws Exception {
        db = Database.open(dir.resolve("g.db"));
        store = new TaskStore(db);
        driver = FakeDriver.create();
        driver.start();
        driver.privateImage(PRIVATE, new RegistryAuth("ci", "reg-pw"));
        Files.createDirectories(dir.resolve("s3/cfg"));
        Files.writeString(dir.resolve("s3/cfg/app.env"), "# app\nMODE=from-file\nFROM_FILE=yes\nPASSWORD=file\n");
        supervisor = new TaskSupervisor(
                driver,
                store,
                new TaskFeed(store),
                logs,
                InstantSource.system(),
                "us-east-1",
                Duration.ofHours(2),
                PullProgress.NONE,
                Duration.ofMillis(200),
                new Injector(secrets, new DataDirObjects(dir.resolve("s3"))));
        supervisor.start();
    }

    @AfterEach
    void stop() {
        supervisor.close();
        driver.close();
        db.close();
    }

    private Task launch(String role, TaskDefs.Container c) {
        TaskDefs.Task t = TaskDefs.task()
                .family("f")
                .registered("arn:aws:ecs:us-east-1:000000000000:task-definition/f:1", 1, Instant.EPOCH);
        t.executionRoleArn = role;
        c.stopTimeout(2);
        t.containers = new ArrayList<>(List.of(c));
        Task task = TaskFactory.create(
                        new TaskFactory.Launch(
                                "arn:cluster",
                                "default",
                                t.build(),
                                1,
                                "family:f",
                                Optional.empty(),
                                Map.of(),
                                List.of()),
                        new Arns("us-east-1", "000000000000"),
                        IdSource.random(),
                        Instant.now())
                .get(0);
        store.insertAll(List.of(task), Optional.empty());
        supervisor.launch(List.of(task));
        return task;
    }

    private Task await(Task t, TaskPhase phase) throws InterruptedException {
        Predicate<Task> done = x -> x.observed().phase() == phase;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Task now = store.find(t.taskId()).orElseThrow();
        while (!done.test(now)) {
            assertThat(System.nanoTime())
                    .as("task %s stuck in %s", t.taskId(), now.observed().phase())
                    .isLessThan(deadline);
            Thread.sleep(10);
            now = store.find(t.taskId()).orElseThrow();
        }
        return now;
    }

    private static TaskDefs.Container app(Secret... s) {
        TaskDefs.Container c = TaskDefs.container("app").image("ok:1");
        c.secrets = List.of(s);
        return c;
    }

    @Test
    void theContainerStartsWithItsSecretsAndFilesAndNothingIsStored() throws Exception {
        TaskDefs.Container c = app(new Secret("PASSWORD", DB + ":password::"), new Secret("FLAG", "/app/flag"));
        c.environmentFiles = List.of(new EnvironmentFile("arn:aws:s3:::cfg/app.env", "s3"));
        c.environment = List.of(TaskDefs.env("MODE", "from-environment"));
        Task t = await(launch(ROLE, c), TaskPhase.RUNNING);

        Map<String, String> env =
                driver.container(t.taskId(), "app").orElseThrow().spec().environment();
        assertThat(env)
                .containsEntry("PASSWORD", "pw-0123456789") // the secret over the file's PASSWORD
                .containsEntry("FLAG", "flag-on-42")
                .containsEntry("MODE", "from-environment") // environment over the file
                .containsEntry("FROM_FILE", "yes");
        assertThat(secrets.reads).allMatch(r -> r.startsWith(ROLE + " reads "));
        assertThat(driver.container(t.taskId(), "app").orElseThrow().spec().toString())
                .contains("PASSWORD")
                .doesNotContain("pw-0123456789");

        supervisor.requestStop(t.taskId(), StopCode.UserInitiated, "bye");
        await(t, TaskPhase.STOPPED);
        db.close();
        for (Path f : Files.list(dir)
                .filter(p -> p.getFileName().toString().startsWith("g.db"))
                .toList()) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                    .as("%s holds no resolved value", f.getFileName())
                    .doesNotContain("pw-0123456789", "flag-on-42")
                    .contains(DB + ":password::"); // only the reference is kept
        }
        db = Database.open(dir.resolve("g.db")); // for stop()
    }

    @Test
    void aMissingSecretStopsTheTaskBeforeAnythingIsCreated() throws Exception {
        Task t = await(launch(ROLE, app(new Secret("X", DB + ":nokey::"))), TaskPhase.STOPPED);
        assertThat(t.desired().stopCode()).contains(StopCode.TaskFailedToStart);
        assertThat(t.desired().stoppedReason().orElseThrow())
                .contains("ResourceInitializationError: unable to pull secrets or registry auth: execution resource "
                        + "retrieval failed: unable to retrieve secret from asm: retrieved secret " + DB
                        + ":nokey:: from Secrets Manager did not contain json key nokey");
        assertThat(driver.containers()).isEmpty();
        assertThat(driver.sandboxes()).isEmpty();
    }

    @Test
    void aRoleThatMayNotReadTheParameterStopsTheTask() throws Exception {
        Task t = await(
                launch("arn:aws:iam::000000000000:role/other", app(new Secret("FLAG", "/app/flag"))),
                TaskPhase.STOPPED);
        assertThat(t.desired().stopCode()).contains(StopCode.TaskFailedToStart);
        assertThat(t.desired().stoppedReason().orElseThrow())
                .startsWith("ResourceInitializationError: unable to pull secrets or registry auth: ")
                .contains("unable to retrieve secrets from ssm: failed to fetch parameter /app/flag: "
                        + "AccessDeniedException: User: arn:aws:iam::000000000000:role/other")
                .doesNotContain("flag-on-42");
    }

    @Test
    void aPrivateImagePullsWithItsCredentials() throws Exception {
        TaskDefs.Container c = TaskDefs.container("app").image(PRIVATE);
        c.repositoryCredentials = new RepositoryCredentials(REG);
        Task t = await(launch(ROLE, c), TaskPhase.RUNNING);
        assertThat(t.observed().container("app").flatMap(s -> s.imageDigest())).isPresent();
    }

    @Test
    void aWrongRegistryPasswordFailsThePullWithTheRegistrysWords() throws Exception {
        secrets.put(REG, "{\"username\":\"ci\",\"password\":\"wrong\"}");
        TaskDefs.Container c = TaskDefs.container("app").image(PRIVATE);
        c.repositoryCredentials = new RepositoryCredentials(REG);
        Task t = await(launch(ROLE, c), TaskPhase.STOPPED);
        assertThat(t.desired().stopCode()).contains(StopCode.TaskFailedToStart);
        assertThat(t.desired().stoppedReason().orElseThrow())
                .isEqualTo("CannotPullContainerError: pull image " + PRIVATE + ": Head "
                        + "\"https://127.0.0.1:5000/v2/team/app/manifests/1\": unauthorized: authentication required");
    }

    @Test
    void aMissingEnvironmentFileStopsTheTask() throws Exception {
        TaskDefs.Container c = TaskDefs.container("app").image("ok:1");
        c.environmentFiles = List.of(new EnvironmentFile("arn:aws:s3:::cfg/missing.env", "s3"));
        Task t = await(launch(null, c), TaskPhase.STOPPED);
        assertThat(t.desired().stopCode()).contains(StopCode.TaskFailedToStart);
        assertThat(t.desired().stoppedReason().orElseThrow())
                .startsWith("ResourceInitializationError: failed to download env files: ")
                .contains("arn:aws:s3:::cfg/missing.env");
    }
}
