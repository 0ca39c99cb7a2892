package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CliCommandsTest {

    @Command(name = "gantry")
    static final class Top {}

    private static CommandLine gantry() {
        CommandLine cl = new CommandLine(new Top());
        CliCommands.all().forEach(cl::addSubcommand);
        return cl;
    }

    @Test
    void registersTheCommands() {
        assertThat(gantry().getSubcommands().keySet())
                .containsExactly("run", "ps", "logs", "stop", "describe", "services", "deploy", "lb", "net");
    }

    @Test
    void sharedOptionsParseOnEverySubcommand() {
        CommandLine cl = gantry();
        cl.parseArgs("ps", "--endpoint", "http://h:1", "--region", "eu-west-1", "--cluster", "c1", "-a");
        PsCommand ps = cl.getSubcommands().get("ps").getCommand();
        assertThat(ps.connection.endpoint()).isEqualTo("http://h:1");
        assertThat(ps.connection.region()).isEqualTo("eu-west-1");
        assertThat(ps.connection.cluster()).isEqualTo("c1");
        assertThat(ps.all).isTrue();
    }

    @Test
    void runOptions() {
        CommandLine cl = gantry();
        cl.parseArgs("run", "web:3", "--count", "2", "-d");
        RunCommand run = cl.getSubcommands().get("run").getCommand();
        assertThat(run.target).isEqualTo("web:3");
        assertThat(run.count).isEqualTo(2);
        assertThat(run.detach).isTrue();
        assertThat(run.connection.cluster()).isEqualTo("default");
    }

    @Test
    void deployOptions() {
        CommandLine cl = gantry();
        cl.parseArgs("deploy", "web", "--image", "web:2", "--container", "app", "--timeout", "90s", "--cluster", "c1");
        DeployCommand deploy = cl.getSubcommands().get("deploy").getCommand();
        assertThat(deploy.service).isEqualTo("web");
        assertThat(deploy.image).isEqualTo("web:2");
        assertThat(deploy.container).isEqualTo("app");
        assertThat(deploy.timeout).isEqualTo(Duration.ofSeconds(90));
        assertThat(deploy.connection.cluster()).isEqualTo("c1");
        cl.parseArgs("deploy", "web", "--image", "web:2");
        assertThat(deploy.timeout).isEqualTo(Duration.ofMinutes(10));
        assertThat(deploy.container).isNull();
    }

    @Test
    void deployNeedsAnImageAndAReadableTimeout() {
        StringWriter err = new StringWriter();
        CommandLine cl = gantry();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("deploy", "web")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--image=IMAGE'");
        assertThat(cl.execute("deploy", "web", "--image", "x", "--timeout", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration: use 90s, 10m, 1h or 500ms");
    }

    @Test
    void servicesOptions() {
        CommandLine cl = gantry();
        cl.parseArgs("services", "web", "-n", "3");
        ServicesCommand services = cl.getSubcommands().get("services").getCommand();
        assertThat(services.name).isEqualTo("web");
        assertThat(services.events).isEqualTo(3);
    }

    @Test
    void defaultsComeFromTheEnvironment() {
        assertThat(Defaults.endpoint(Map.of())).isEqualTo("http://127.0.0.1:4499");
        assertThat(Defaults.endpoint(Map.of("GANTRY_ENDPOINT", "http://box:9000")))
                .isEqualTo("http://box:9000");
        assertThat(Defaults.region(Map.of())).isEqualTo("us-east-1");
        assertThat(Defaults.region(Map.of("AWS_REGION", "eu-west-1"))).isEqualTo("eu-west-1");
        assertThat(Defaults.region(Map.of("AWS_REGION", "eu-west-1", "GANTRY_REGION", "ap-south-1")))
                .isEqualTo("ap-south-1");
    }

    @Test
    void aBadEndpointIsOneLineAndExitCode2() {
        CommandLine cl = gantry();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("ps", "--endpoint", "localhost:4499");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("error: invalid endpoint 'localhost:4499': expected a URL like" + " http://127.0.0.1:4499"
                        + System.lineSeparator());
    }

    @Test
    void helpShowsTheEffectiveDefaults() {
        StringWriter out = new StringWriter();
        CommandLine cl = gantry();
        cl.setOut(new PrintWriter(out));
        cl.execute("logs", "--help");
        assertThat(out.toString())
                .contains("--endpoint=URL")
                .contains("default: default")
                .contains("-f, --follow");
    }
}
