package dev.gantry.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A service's botocore model ({@code service-2.json}: {@code operations} and {@code shapes}), shipped as a
 * resource beside the service. The Query codec reads it to give a form's string leaves their modeled types
 * (integers, booleans, lists) and to check the model's constraints (ranges, enums, lengths) before a handler runs;
 * protocols that carry types (JSON) do not need it.
 */
public final class ServiceModel {
    private final JsonNode operations;
    private final JsonNode shapes;
    private final String protocol;

    private ServiceModel(JsonNode root) {
        this.operations = root.path("operations");
        this.shapes = root.path("shapes");
        this.protocol = root.path("metadata").path("protocol").asText("");
        if (!operations.isObject() || !shapes.isObject()) {
            throw new IllegalArgumentException("not a botocore service model: no operations or shapes");
        }
    }

    /** Reads a gzipped {@code service-2.json.gz} from the classpath of {@code owner}. */
    public static ServiceModel load(Class<?> owner, String gzResource) {
        try (InputStream raw =
                        Objects.requireNonNull(owner.getResourceAsStream(gzResource), "no resource " + gzResource);
                InputStream in = new GZIPInputStream(raw)) {
            return new ServiceModel(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read service model " + gzResource, e);
        }
    }

    /** The input shape's name of {@code operation}, if the model has the operation and it takes input. */
    public Optional<String> inputShape(String operation) {
        JsonNode input = operations.path(operation).path("input").path("shape");
        return input.isTextual() ? Optional.of(input.asText()) : Optional.empty();
    }

    /**
     * The model's protocol ({@code query}, {@code ec2}, {@code json}): EC2's names a request's members by their
     * {@code queryName}, else their capitalised {@code locationName}, and flattens every list.
     */
    public String protocol() {
        return protocol;
    }

    /** A shape by name ({@code type}, {@code members}, {@code member}, {@code min}, {@code max}, {@code enum}…). */
    public JsonNode shape(String name) {
        JsonNode shape = shapes.path(name);
        if (!shape.isObject()) {
            throw new IllegalArgumentException("the model has no shape " + name);
        }
        return shape;
    }
}
