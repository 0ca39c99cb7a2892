package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerArgsTest {

    @Test
    void serverWithPortAndDataDirIsParsedWithoutPicocli() {
        ServerCommand s = (ServerCommand) ServerArgs.parse("server", "--port", "4500", "--data-dir", "/tmp/g")
                .orElseThrow();
        assertThat(s.options.port).isEqualTo(4500);
        assertThat(s.options.dataDir).isEqualTo(Path.of("/tmp/g"));
    }

    @Test
    void equalsFormsAndUp() {
        UpCommand u = (UpCommand)
                ServerArgs.parse("up", "--port=4501", "--data-dir=/d").orElseThrow();
        assertThat(u.options.port).isEqualTo(4501);
        assertThat(u.options.dataDir).isEqualTo(Path.of("/d"));
        assertThat(((ServerCommand) ServerArgs.parse("server").orElseThrow()).options.port)
                .isNull();
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        assertThat(ServerArgs.parse()).isEmpty();
        assertThat(ServerArgs.parse("ps")).isEmpty();
        assertThat(ServerArgs.parse("server", "--help")).isEmpty();
        assertThat(ServerArgs.parse("server", "--port")).isEmpty();
        assertThat(ServerArgs.parse("server", "--port", "x")).isEmpty();
        assertThat(ServerArgs.parse("server", "--prot", "1")).isEmpty();
        assertThat(ServerArgs.parse("up", "extra")).isEmpty();
    }
}
