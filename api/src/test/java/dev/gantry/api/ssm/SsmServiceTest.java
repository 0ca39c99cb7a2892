package dev.gantry.api.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.api.protocol.ErrorDefinition;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.Fault;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.error.ErrorKind;
import dev.gantry.core.ssm.SsmError;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.sqlite.Database;
import dev.gantry.store.ssm.ParameterStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSM handlers on a fresh database, requests as JSON text: the wire-level checks the SDK would not send. */
class SsmServiceTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final RequestContext CONTEXT = new RequestContext(
            "req-1", "AKIDEXAMPLE", "arn:aws:iam::123456789012:user/dev", Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    Database db;
    SsmService service;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        ParameterStore store = new ParameterStore(
                db,
                new Envelope(MasterKey.random()),
                "us-east-1",
                "123456789012",
                InstantSource.fixed(CONTEXT.receivedAt()));
        service = new SsmService(store, "us-east-1", "123456789012");
    }

    @AfterEach
    void close() {
        db.close();
    }

    JsonNode call(String operation, String json) {
        try {
            return service.handle(operation, MAPPER.readTree(json.replace('\'', '"')), CONTEXT);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    void fails(String operation, String json, ErrorKind kind, String words) {
        assertThatThrownBy(() -> call(operation, json)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(words);
        });
    }

    @Test
    void errorsAreSsmsFourHundreds() {
        ErrorTable table = service.errors();
        assertThat(table.resolve(SsmError.PARAMETER_NOT_FOUND, ErrorTable.EMPTY))
                .isEqualTo(new ErrorDefinition("ParameterNotFound", 400, Fault.SENDER));
        assertThat(table.resolve(ErrorCode.INVALID_PARAMETER, ErrorTable.EMPTY).code())
                .isEqualTo("ValidationException");
        assertThat(service.signingName()).isEqualTo("ssm");
        assertThat(service.targetPrefix()).isEqualTo("AmazonSSM");
    }

    @Test
    void wrongJsonTypesAreSerializationErrors() {
        fails("PutParameter", "{'Name': 7, 'Value': 'v'}", ErrorCode.SERIALIZATION, "'Name' must be a string");
        fails(
                "GetParameter",
                "{'Name': 'x', 'WithDecryption': 'yes'}",
                ErrorCode.SERIALIZATION,
                "'WithDecryption' must be true or false");
    }

    @Test
    void modelValidation() {
        fails("PutParameter", "{'Value': 'v'}", SsmError.VALIDATION, "Value null at 'name'");
        fails(
                "PutParameter",
                "{'Name': 'x', 'Value': 'v', 'Type': 'Secret'}",
                SsmError.VALIDATION,
                "enum value set: [SecureString, StringList, String]");
        fails(
                "PutParameter",
                "{'Name': 'x', 'Value': 'v', 'Type': 'String', 'Policies': '[]'}",
                SsmError.VALIDATION,
                "Policies");
        fails(
                "GetParameters",
                "{'Names': ['a','b','c','d','e','f','g','h','i','j','k']}",
                SsmError.VALIDATION,
                "less than or equal to 10");
        fails("GetParametersByPath", "{'Path': 'app'}", SsmError.VALIDATION, "must begin with a forward slash");
        fails("GetParametersByPath", "{'Path': '/app', 'NextToken': '%%'}", SsmError.INVALID_NEXT_TOKEN, "nextToken");
        fails(
                "DescribeParameters",
                "{'Filters': [{'Key': 'Name', 'Values': ['a']}], 'ParameterFilters': [{'Key': 'Name', 'Values': ['a']}]}",
                SsmError.VALIDATION,
                "either Filters or ParameterFilters");
    }

    @Test
    void noValueInAnyErrorMessage() {
        String secret = "Hunter2-unique-value";
        fails(
                "PutParameter",
                "{'Name': '/p', 'Value': '" + secret + "', 'Type': 'SecureString', 'AllowedPattern': '^[0-9]+$'}",
                SsmError.PARAMETER_PATTERN_MISMATCH,
                "allowedPattern");
        assertThatThrownBy(() -> call(
                        "PutParameter",
                        "{'Name': '/p', 'Value': '" + secret
                                + "', 'Type': 'SecureString', 'AllowedPattern': '^[0-9]+$'}"))
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> call(
                        "PutParameter",
                        "{'Name': '/p', 'Value': '" + secret.repeat(300) + "', 'Type': 'SecureString'}"))
                .hasMessageNotContaining(secret);
    }

    @Test
    void legacyFiltersLabelFilterAndUnlabel() {
        call("PutParameter", "{'Name': '/app/a', 'Value': 'one', 'Type': 'String'}");
        call("PutParameter", "{'Name': '/app/a', 'Value': 'two', 'Overwrite': true}");
        call("PutParameter", "{'Name': '/other', 'Value': 'x', 'Type': 'StringList'}");
        JsonNode legacy = call("DescribeParameters", "{'Filters': [{'Key': 'Name', 'Values': ['/app']}]}");
        assertThat(legacy.path("Parameters")).hasSize(1);
        assertThat(legacy.path("Parameters").get(0).path("LastModifiedUser").asText())
                .isEqualTo(CONTEXT.principalArn());
        call("LabelParameterVersion", "{'Name': '/app/a', 'ParameterVersion': 1, 'Labels': ['stable']}");
        JsonNode labelled = call(
                "GetParametersByPath",
                "{'Path': '/app', 'ParameterFilters': [{'Key': 'Label', 'Values': ['stable']}]}");
        assertThat(labelled.path("Parameters").get(0).path("Value").asText()).isEqualTo("one");
        JsonNode unlabelled = call(
                "UnlabelParameterVersion", "{'Name': '/app/a', 'ParameterVersion': 1, 'Labels': ['stable', 'nope']}");
        assertThat(unlabelled.path("RemovedLabels").get(0).asText()).isEqualTo("stable");
        assertThat(unlabelled.path("InvalidLabels").get(0).asText()).isEqualTo("nope");
        fails("GetParameter", "{'Name': '/app/a:stable'}", SsmError.PARAMETER_NOT_FOUND, "/app/a:stable");
    }

    @Test
    void tagsOnParametersOnly() {
        call("PutParameter", "{'Name': 't', 'Value': 'x', 'Type': 'String'}");
        fails(
                "AddTagsToResource",
                "{'ResourceType': 'Document', 'ResourceId': 't', 'Tags': [{'Key': 'a', 'Value': 'b'}]}",
                SsmError.INVALID_RESOURCE_TYPE,
                "Document");
        fails(
                "ListTagsForResource",
                "{'ResourceType': 'Parameter', 'ResourceId': 'missing'}",
                SsmError.INVALID_RESOURCE_ID,
                "missing");
        call(
                "AddTagsToResource",
                "{'ResourceType': 'Parameter', 'ResourceId': 't', 'Tags': [{'Key': 'a', 'Value': 'b'}]}");
        assertThat(call("ListTagsForResource", "{'ResourceType': 'Parameter', 'ResourceId': 't'}")
                        .path("TagList")
                        .get(0)
                        .path("Key")
                        .asText())
                .isEqualTo("a");
        call("RemoveTagsFromResource", "{'ResourceType': 'Parameter', 'ResourceId': 't', 'TagKeys': ['a']}");
        assertThat(call("ListTagsForResource", "{'ResourceType': 'Parameter', 'ResourceId': 't'}")
                        .path("TagList"))
                .isEmpty();
    }

    /** Authorization targets exactly what the operation acts on: a decoy member or a leading space cannot stand in. */
    @Test
    void theAccessTargetIsTheMemberTheOperationReadsStrippedAsTheHandlerStripsIt() throws Exception {
        String prod = "arn:aws:ssm:us-east-1:123456789012:parameter/prod/db";
        assertThat(service.accessTarget("GetParameter", MAPPER.readTree("{\"Name\":\" /prod/db\"}"))
                        .resources())
                .containsExactly(prod);
        assertThat(service.accessTarget(
                                "GetParameters", MAPPER.readTree("{\"Name\":\"/public/x\",\"Names\":[\"/prod/db\"]}"))
                        .resources())
                .containsExactly(prod);
        assertThat(service.accessTarget(
                                "GetParametersByPath", MAPPER.readTree("{\"Name\":\"/public/x\",\"Path\":\"/prod\"}"))
                        .resources())
                .containsExactly(
                        "arn:aws:ssm:us-east-1:123456789012:parameter/prod",
                        "arn:aws:ssm:us-east-1:123456789012:parameter/prod/*");
        assertThat(service.accessTarget("DescribeParameters", MAPPER.readTree("{\"Name\":\"/prod/db\"}"))
                        .resources())
                .containsExactly("*");
    }
}
