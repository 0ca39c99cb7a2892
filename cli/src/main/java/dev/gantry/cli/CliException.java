package dev.gantry.cli;

/** A failure the CLI explains in one line ({@code error: <message>}) and turns into an exit code. No stack trace. */
final class CliException extends RuntimeException {
    static final int FAILED = 1;
    static final int UNREACHABLE = 2;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CliException failed(String message) {
        return new CliException(FAILED, message);
    }

    int exitCode() {
        return exitCode;
    }
}
