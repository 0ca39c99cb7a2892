package dev.gantry.server.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/compat is docs as code: every operation the services implement is listed as supported or partial, and
 * nothing is listed as supported that the service does not implement.
 */
class CompatMatrixTest {
    private static final Pattern ROW =
            Pattern.compile("^\\|\\s*`?(\\w+)`?\\s*\\|\\s*(supported|partial|not yet)\\s*\\|", Pattern.MULTILINE);

    @Test
    void ecsMatrixMatchesTheImplementation() throws IOException {
        check("ecs.md", implemented("dev.gantry.api.ecs.EcsService"));
    }

    @Test
    void logsMatrixMatchesTheImplementation() throws IOException {
        check("logs.md", implemented("dev.gantry.api.logs.LogsService"));
    }

    @Test
    void stsMatrixMatchesTheImplementation() throws IOException {
        check("sts.md", implemented("dev.gantry.api.sts.StsService"));
    }

    @Test
    void elbv2MatrixMatchesTheImplementation() throws IOException {
        check("elbv2.md", implemented("dev.gantry.api.elbv2.Elbv2Service"));
    }

    @Test
    void ssmMatrixMatchesTheImplementation() throws IOException {
        check("ssm.md", implemented("dev.gantry.api.ssm.SsmService"));
    }

    @Test
    void iamMatrixMatchesTheImplementation() throws IOException {
        check("iam.md", implemented("dev.gantry.api.iam.IamService"));
    }

    @Test
    void secretsManagerMatrixMatchesTheImplementation() throws IOException {
        check("secretsmanager.md", implemented("dev.gantry.api.secretsmanager.SecretsManagerService"));
    }

    @Test
    void ec2MatrixMatchesTheImplementation() throws IOException {
        check("ec2.md", implemented("dev.gantry.api.ec2.Ec2Service"));
    }

    @Test
    void cloudMapMatrixMatchesTheImplementation() throws IOException {
        check("servicediscovery.md", implemented("dev.gantry.api.servicediscovery.CloudMapService"));
    }

    private static void check(String file, Set<String> implemented) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "compat", file));
        Set<String> listedImplemented = new TreeSet<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            if (!m.group(2).equals("not yet")) {
                listedImplemented.add(m.group(1));
            }
        }
        assertThat(listedImplemented)
                .as("operations marked supported/partial in docs/compat/" + file)
                .containsExactlyInAnyOrderElementsOf(implemented);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> implemented(String serviceClass) {
        try {
            Class<?> c = Class.forName(serviceClass);
            for (var ctor : c.getConstructors()) {
                // operationNames() reads the dispatch table, which needs no live dependencies to build
                Object[] args = new Object[ctor.getParameterCount()];
                Object service = ctor.newInstance(args);
                return new TreeSet<>((Set<String>) c.getMethod("operationNames").invoke(service));
            }
            throw new IllegalStateException("no public constructor on " + serviceClass);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
