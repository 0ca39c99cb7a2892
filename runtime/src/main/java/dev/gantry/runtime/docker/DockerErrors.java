package dev.gantry.runtime.docker;

import dev.gantry.runtime.spi.RuntimeError;
import java.net.URI;

/** Turns engine failures into named {@link RuntimeError}s carrying Docker's own wording; the messages live here. */
final class DockerErrors {

    private DockerErrors() {}

    static String engineUnavailableMessage(URI host, String cause) {
        return "No Docker engine answered at " + host + " (" + cause + "). "
                + "Start Docker (e.g. 'sudo systemctl start docker' or 'sudo service docker start'), or point "
                + "DOCKER_HOST at a running one, then run Gantry again.";
    }

    static RuntimeError engineUnavailable(URI host, Throwable cause) {
        return new RuntimeError(
                RuntimeError.Kind.ENGINE_UNAVAILABLE, engineUnavailableMessage(host, text(cause)), true, cause);
    }

    static RuntimeError of(RuntimeError.Kind kind, Throwable cause, boolean retryable) {
        return new RuntimeError(kind, text(cause), retryable, cause);
    }

    static RuntimeError of(RuntimeError.Kind kind, String message, boolean retryable) {
        return new RuntimeError(kind, message, retryable, null);
    }

    /** Docker's own error text: the {@code message} of the JSON body when there is one, else the exception text. */
    static String text(Throwable t) {
        String raw = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return message(raw);
    }

    /** Extracts {@code message} from {@code Status 404: {"message":"..."}}; returns the input trimmed otherwise. */
    static String message(String raw) {
        String s = raw.strip();
        if (s.startsWith("Status ")) {
            int colon = s.indexOf(": ");
            if (colon > 0) {
                s = s.substring(colon + 2).strip();
            }
        }
        String key = "\"message\":";
        int k = s.indexOf(key);
        if (!s.startsWith("{") || k < 0) {
            return s;
        }
        int i = s.indexOf('"', k + key.length());
        if (i < 0) {
            return s;
        }
        return unescapeJsonString(s, i + 1);
    }

    private static String unescapeJsonString(String s, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    try {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } catch (RuntimeException malformed) {
                        out.append("\\u");
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
