package dev.gantry.control.inject;

import dev.gantry.core.inject.S3Object;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Environment files from a Gantry-managed directory standing in for S3 until Gantry has S3:
 * {@code arn:aws:s3:::bucket/key} is {@code <root>/bucket/key}. No permission is checked (there are no S3
 * policies yet); the key is confined to the bucket's directory ({@link S3Object} refuses {@code ..}).
 */
public final class DataDirObjects implements ObjectSource {
    /** ECS reads at most this much of an environment file; larger ones are refused rather than truncated. */
    static final long MAX_BYTES = 1024 * 1024;

    private final Path root;

    public DataDirObjects(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Where {@code object} is read from. */
    public Path path(S3Object object) {
        Path p = root.resolve(object.bucket()).resolve(object.key()).normalize();
        if (!p.startsWith(root.resolve(object.bucket()))) {
            throw new IllegalArgumentException("key escapes its bucket: " + object.key());
        }
        return p;
    }

    @Override
    public Lookup read(String executionRoleArn, S3Object object) {
        Path p = path(object);
        try {
            if (Files.size(p) > MAX_BYTES) {
                return new Lookup.Unavailable("the object is larger than " + MAX_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(p);
            return new Lookup.Found(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString());
        } catch (NoSuchFileException e) {
            return new Lookup.NotFound("NoSuchKey: The specified key does not exist. (Gantry has no S3 yet: it reads "
                    + object.arn() + " from " + p + ")");
        } catch (CharacterCodingException e) {
            return new Lookup.Unavailable("the object is not UTF-8 text");
        } catch (IOException e) {
            return new Lookup.Unavailable("reading " + p + " failed: " + e.getMessage());
        }
    }
}
