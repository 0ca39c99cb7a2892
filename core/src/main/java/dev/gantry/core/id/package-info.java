/**
 * Where identifiers come from ({@link dev.gantry.core.id.IdSource}), injected so core stays deterministic under
 * test; {@code IdSource.random()} is the one production source.
 */
package dev.gantry.core.id;
