package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dataDir;

    private void writeFile(String id, String secret) throws IOException {
        Files.writeString(
                dataDir.resolve("credentials"),
                "# Gantry admin credentials\naws_access_key_id=" + id + "\naws_secret_access_key=" + secret + "\n");
    }

    @Test
    void awsVariablesComeFirst() throws IOException {
        writeFile("FILEID", "filesecret");
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID",
                "AWSID",
                "AWS_SECRET_ACCESS_KEY",
                "awssecret",
                "GANTRY_ACCESS_KEY_ID",
                "GID",
                "GANTRY_SECRET_ACCESS_KEY",
                "gsecret");
        assertThat(Credentials.resolve(env, dataDir))
                .isEqualTo(new Credentials("AWSID", "awssecret", "AWS_ACCESS_KEY_ID"));
    }

    @Test
    void gantryVariablesComeSecond() throws IOException {
        writeFile("FILEID", "filesecret");
        Map<String, String> env = Map.of("GANTRY_ACCESS_KEY_ID", "GID", "GANTRY_SECRET_ACCESS_KEY", "gsecret");
        assertThat(Credentials.resolve(env, dataDir))
                .isEqualTo(new Credentials("GID", "gsecret", "GANTRY_ACCESS_KEY_ID"));
    }

    @Test
    void theDataDirFileComesLast() throws IOException {
        writeFile("FILEID", "filesecret");
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", " ", "AWS_SECRET_ACCESS_KEY", "");
        Credentials c = Credentials.resolve(env, dataDir);
        assertThat(c.accessKeyId()).isEqualTo("FILEID");
        assertThat(c.secretAccessKey()).isEqualTo("filesecret");
        assertThat(c.source()).isEqualTo(dataDir.resolve("credentials").toString());
    }

    @Test
    void nothingFoundSaysHowToProvideThem() {
        assertThatThrownBy(() -> Credentials.resolve(Map.of(), dataDir))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .hasMessageContaining("GANTRY_ACCESS_KEY_ID")
                .hasMessageContaining(dataDir.resolve("credentials").toString())
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(CliException.UNREACHABLE));
    }

    @Test
    void aHalfSetPairIsAnError() {
        assertThatThrownBy(() -> Credentials.resolve(Map.of("AWS_ACCESS_KEY_ID", "X"), dataDir))
                .isInstanceOf(CliException.class)
                .hasMessage("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or neither");
    }

    @Test
    void aFileWithoutBothKeysIsAnError() throws IOException {
        Files.writeString(dataDir.resolve("credentials"), "aws_access_key_id=X\n");
        assertThatThrownBy(() -> Credentials.resolve(Map.of(), dataDir))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("lacks aws_access_key_id or aws_secret_access_key");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(new Credentials("ID", "s3cr3t", "env").toString())
                .doesNotContain("s3cr3t")
                .contains("ID");
    }

    @Test
    void dataDirComesFromGantryDataDirElseHome() {
        Path home = Path.of("/home/u");
        assertThat(Defaults.dataDir(Map.of(), home)).isEqualTo(Path.of("/home/u/.gantry"));
        assertThat(Defaults.dataDir(Map.of("GANTRY_DATA_DIR", "/var/lib/gantry"), home))
                .isEqualTo(Path.of("/var/lib/gantry"));
    }
}
