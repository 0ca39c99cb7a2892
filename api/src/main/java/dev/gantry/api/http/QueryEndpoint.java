package dev.gantry.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.auth.SigV4Verifier;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.ErrorDefinition;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.ProtocolErrors;
import dev.gantry.api.protocol.QueryDialect;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.api.query.QueryRequest;
import dev.gantry.api.query.QueryTypes;
import dev.gantry.api.query.QueryXml;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Query codec on {@code POST /} (form-encoded, no {@code X-Amz-Target}), both dialects. The Query
 * protocol names no service, so the service is the one the SigV4 credential scope names ({@code …/us-east-1/sts/
 * aws4_request}); an unsigned request falls back to the one service that has its {@code Action}. Then: verify the
 * signature, check {@code Action} and {@code Version}, call the service with the member tree, and answer in the
 * service's dialect ({@link QueryXml}). Errors use the service's table backed by {@link ProtocolErrors#QUERY} or
 * {@link ProtocolErrors#EC2}.
 */
final class QueryEndpoint implements ProtocolEndpoint {

    static final String FORM = "application/x-www-form-urlencoded";
    /** Only to pick the service; {@link SigV4Verifier} checks the whole header. */
    private static final Pattern SCOPE_SERVICE = Pattern.compile("Credential=[^/,\\s]*/\\d{8}/[^/,\\s]+/([^/,\\s]+)/");

    private static final Logger LOG = LoggerFactory.getLogger(QueryEndpoint.class);

    private final Map<String, AwsService> bySigningName;
    private final SigV4Verifier verifier;
    private final ServiceCall calls;

    QueryEndpoint(List<? extends AwsService> services, SigV4Verifier verifier) {
        this(services, verifier, new ServiceCall(dev.gantry.api.auth.Authorizer.ALLOW_ALL));
    }

    QueryEndpoint(List<? extends AwsService> services, SigV4Verifier verifier, ServiceCall calls) {
        this.bySigningName = services.stream()
                .filter(s -> s.binding() instanceof ServiceBinding.Query)
                .collect(Collectors.toUnmodifiableMap(AwsService::signingName, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two Query services share signing name " + a.signingName());
                }));
        this.verifier = verifier;
        this.calls = calls;
    }

    static String missingAction() {
        return "The request must contain the parameter Action.";
    }

    static String wrongVersion(String version, String expected) {
        return "Version '" + version + "' is not supported: this service speaks API version " + expected + ".";
    }

    static String unknownService(String service) {
        return "Gantry does not serve '" + service + "' over the AWS Query protocol. See docs/compat/ for the"
                + " services and actions it implements.";
    }

    /** A form-encoded POST without {@code X-Amz-Target}. */
    @Override
    public boolean accepts(InboundRequest request) {
        return request.header("x-amz-target").isEmpty()
                && request.header("content-type")
                        .map(ct -> ct.strip().toLowerCase(Locale.ROOT).startsWith(FORM))
                        .orElse(false);
    }

    @Override
    public HttpReply handle(InboundRequest request, String requestId) {
        QueryRequest query = QueryRequest.decode(request.body());
        AwsService service = service(request, query.action())
                .orElseThrow(() -> new ApiException(
                        ErrorCode.UNKNOWN_OPERATION,
                        unknownService(scopeService(request).orElse("(unsigned)"))));
        ServiceBinding.Query binding = (ServiceBinding.Query) service.binding();
        Principal principal = verifier.verify(request.toSignable(), service.signingName());
        String action =
                query.action().orElseThrow(() -> new ApiException(ProtocolErrors.Kind.MISSING_ACTION, missingAction()));
        if (query.version().isPresent() && !query.version().get().equals(binding.apiVersion())) {
            throw new ApiException(
                    ProtocolErrors.Kind.INVALID_VERSION,
                    wrongVersion(query.version().get(), binding.apiVersion()));
        }
        // an action the service does not implement is InvalidAction (from its handler), not the model's complaints
        boolean implemented =
                service.operationNames().isEmpty() || service.operationNames().contains(action);
        JsonNode input = service.model()
                .filter(model -> implemented)
                .<JsonNode>map(model -> QueryTypes.coerce(query.members(), model, action))
                .orElse(query.members());
        JsonNode output = calls.call(service, action, input, principal, request, requestId);
        if (output == null) {
            throw new IllegalStateException(service.signingName() + " " + action + " returned null, not a body");
        }
        return HttpReply.of(
                200,
                QueryXml.CONTENT_TYPE,
                QueryXml.response(binding.dialect(), binding.xmlNamespace(), action, output, requestId));
    }

    /** Never throws: should rendering fail (a bug), the reply is the Query dialect's plain InternalFailure. */
    @Override
    public HttpReply error(InboundRequest request, ApiException error, String requestId) {
        try {
            return render(request, error, requestId);
        } catch (RuntimeException bug) {
            LOG.atError().addKeyValue("requestId", requestId).setCause(bug).log("could not render a Query error reply");
            ErrorDefinition internal = ProtocolErrors.QUERY.resolve(ErrorCode.INTERNAL_FAILURE, ErrorTable.EMPTY);
            return HttpReply.of(
                    internal.httpStatus(),
                    QueryXml.CONTENT_TYPE,
                    QueryXml.error(
                            QueryDialect.QUERY,
                            Optional.empty(),
                            internal,
                            ErrorReplies.internalFailure(requestId),
                            requestId));
        }
    }

    private HttpReply render(InboundRequest request, ApiException error, String requestId) {
        Optional<AwsService> service = service(request, actionOf(request));
        Optional<ServiceBinding.Query> binding = service.map(s -> (ServiceBinding.Query) s.binding());
        QueryDialect dialect = binding.map(ServiceBinding.Query::dialect)
                .orElse(
                        scopeService(request).filter("ec2"::equals).isPresent()
                                ? QueryDialect.EC2
                                : QueryDialect.QUERY);
        ErrorTable common = dialect == QueryDialect.EC2 ? ProtocolErrors.EC2 : ProtocolErrors.QUERY;
        ErrorDefinition definition =
                service.map(AwsService::errors).orElse(ErrorTable.EMPTY).resolve(error.code(), common);
        byte[] body = QueryXml.error(
                dialect, binding.map(ServiceBinding.Query::xmlNamespace), definition, error.getMessage(), requestId);
        return HttpReply.of(definition.httpStatus(), QueryXml.CONTENT_TYPE, body);
    }

    /** By credential scope; unsigned, by the one service that has the action (the verifier then refuses it). */
    private Optional<AwsService> service(InboundRequest request, Optional<String> action) {
        Optional<String> scoped = scopeService(request);
        if (scoped.isPresent()) {
            return Optional.ofNullable(bySigningName.get(scoped.get()));
        }
        if (bySigningName.size() == 1) {
            return bySigningName.values().stream().findFirst();
        }
        return action.flatMap(a -> {
            List<AwsService> having = bySigningName.values().stream()
                    .filter(s -> s.operationNames().contains(a))
                    .toList();
            return having.size() == 1 ? Optional.of(having.getFirst()) : Optional.empty();
        });
    }

    private static Optional<String> actionOf(InboundRequest request) {
        try {
            return QueryRequest.decode(request.body()).action();
        } catch (RuntimeException e) { // an undecodable body: the error being rendered already says so
            return Optional.empty();
        }
    }

    private static Optional<String> scopeService(InboundRequest request) {
        return request.header("authorization")
                .map(SCOPE_SERVICE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1));
    }
}
