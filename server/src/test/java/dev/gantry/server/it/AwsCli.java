package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real AWS CLI v2 (Debian's, at /usr/bin/aws — not a pyenv v1 that may come first on PATH) against Gantry. */
final class AwsCli {
    static final Path AWS = Path.of("/usr/bin/aws");

    private final String endpoint;

    AwsCli(String endpoint) {
        this.endpoint = endpoint;
    }

    static boolean installed() {
        return Files.isExecutable(AWS);
    }

    /** Runs {@code aws ARGS}, asserts exit code 0 within {@code timeoutSeconds}, returns its trimmed output. */
    String run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Process p = process(args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS))
                .as("aws %s finished", String.join(" ", args))
                .isTrue();
        assertThat(p.exitValue())
                .as("aws %s exit code; output: %s", String.join(" ", args), out)
                .isZero();
        return out.trim();
    }

    String run(String... args) throws IOException, InterruptedException {
        return run(120, args);
    }

    ProcessBuilder process(String... args) {
        List<String> cmd = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", endpoint));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", TestGantry.ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY);
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_PAGER", "");
        pb.environment().remove("AWS_PROFILE");
        return pb;
    }
}
