package dev.gantry.control.inject;

import dev.gantry.core.inject.S3Object;

/** Where environment files are read from: an S3-shaped store of objects by bucket and key, read as a role. */
public interface ObjectSource {

    /** The object's contents as UTF-8 text, read as {@code executionRoleArn} (empty when the task has none). */
    Lookup read(String executionRoleArn, S3Object object);
}
