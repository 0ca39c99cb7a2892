package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class TarWriterTest {

    @Test
    void writesAnArchiveAStandardReaderAccepts() throws IOException {
        String longDir = "a".repeat(60) + "/" + "b".repeat(60);
        byte[] tar = new TarWriter()
                .file("/www/index.html", "hi".getBytes(StandardCharsets.UTF_8), 0644)
                .directory("tmp", 01777)
                .file(longDir + "/f.sh", new byte[700], 0755)
                .finish();
        assertThat(tar.length % 512).isZero();
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextTarEntry(); e != null; e = in.getNextTarEntry()) {
                names.add(e.getName() + ":" + Integer.toOctalString(e.getMode()) + ":" + e.getSize());
                if (e.getName().equals("www/index.html")) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("hi");
                }
            }
        }
        assertThat(names)
                .containsExactly(
                        "www/:755:0",
                        "www/index.html:644:2",
                        "tmp/:1777:0",
                        "a".repeat(60) + "/:755:0",
                        longDir + "/:755:0",
                        longDir + "/f.sh:755:700");
    }

    @Test
    void rejectsEscapingPaths() {
        assertThatThrownBy(() -> new TarWriter().file("../etc/passwd", new byte[0], 0644))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildContextHasDockerfileBusyboxAndFiles() throws IOException {
        byte[] tar = BusyboxImageBuilder.context(
                new byte[] {1, 2, 3}, Map.of("/www/a.txt", new byte[] {9}), List.of("CMD [\"sh\"]"));
        List<String> names = new ArrayList<>();
        String dockerfile = null;
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextTarEntry(); e != null; e = in.getNextTarEntry()) {
                names.add(e.getName());
                if (e.getName().equals("Dockerfile")) {
                    dockerfile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).contains("Dockerfile", "rootfs/bin/busybox", "rootfs/tmp/", "rootfs/www/a.txt");
        assertThat(dockerfile)
                .startsWith("FROM scratch\n")
                .contains("--install")
                .endsWith("CMD [\"sh\"]\n");
    }
}
