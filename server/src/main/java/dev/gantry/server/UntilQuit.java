package dev.gantry.server;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Output of the CLI that {@code gantry up} embeds, dropped once Ctrl-C has begun: the log follower then meets the
 * API closing under it, and "cannot reach Gantry" would be news about nothing.
 */
final class UntilQuit extends Writer {
    private final Writer out;
    private final AtomicBoolean quitting;

    private UntilQuit(Writer out, AtomicBoolean quitting) {
        this.out = out;
        this.quitting = quitting;
    }

    static PrintWriter writer(OutputStream stream, AtomicBoolean quitting) {
        return new PrintWriter(new UntilQuit(new OutputStreamWriter(stream, Charset.defaultCharset()), quitting), true);
    }

    @Override
    public void write(char[] buf, int off, int len) throws java.io.IOException {
        if (!quitting.get()) {
            out.write(buf, off, len);
        }
    }

    @Override
    public void flush() throws java.io.IOException {
        if (!quitting.get()) {
            out.flush();
        }
    }

    @Override
    public void close() throws java.io.IOException {
        out.flush();
    }
}
