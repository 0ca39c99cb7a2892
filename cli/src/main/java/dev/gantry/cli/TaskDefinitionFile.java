package dev.gantry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * A task definition file: JSON in the RegisterTaskDefinition input shape (what
 * {@code aws ecs register-task-definition --cli-input-json file://x} takes). The output of
 * {@code describe-task-definition} ({@code {"taskDefinition": {...}}}) is accepted too; its read-only fields are
 * reported as ignored.
 */
final class TaskDefinitionFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TaskDefinitionFile() {}

    /** The request, and the JSON paths of fields RegisterTaskDefinition does not take. */
    record Parsed(RegisterTaskDefinitionRequest request, List<String> ignored) {
        Parsed {
            ignored = List.copyOf(ignored);
        }
    }

    static Parsed read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw CliException.failed("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (CliException e) {
            throw CliException.failed(file + ": " + e.getMessage());
        }
    }

    static Parsed parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw CliException.failed("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw CliException.failed("expected a JSON object with family and containerDefinitions");
        }
        if (!root.has("family") && root.path("taskDefinition").isObject()) {
            root = root.get("taskDefinition");
        }
        RegisterTaskDefinitionRequest.Builder builder = RegisterTaskDefinitionRequest.builder();
        List<String> ignored = new ArrayList<>();
        SdkJson.fill(builder, root, "", ignored);
        return new Parsed(builder.build(), ignored);
    }
}
