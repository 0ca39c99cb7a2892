package dev.gantry.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.gantry.api.protocol.ErrorDefinition;
import dev.gantry.api.protocol.QueryDialect;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders an operation's output tree, or an error, as the XML of one Query dialect, through the JDK's StAX
 * writer (which does all escaping).
 *
 * <p>Output trees: an object is a structure (one element per member), an array a list ({@code <member>} in the
 * Query dialect, {@code <item>} in EC2's), text, numbers and booleans are text, an {@link Instant} (held in a
 * {@link POJONode}, see {@link #timestamp}) is ISO-8601 as the Query protocols require, and null is left out.
 */
public final class QueryXml {

    /** AWS answers Query requests as {@code text/xml}. */
    public static final String CONTENT_TYPE = "text/xml";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private QueryXml() {}

    /** A timestamp member for an output tree: JSON renders it as epoch seconds, XML as ISO-8601. */
    public static JsonNode timestamp(Instant instant) {
        return new POJONode(instant);
    }

    /**
     * {@code <ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata><RequestId>…} (Query), or
     * {@code <ActionResponse xmlns=…><requestId>…</requestId>…} (EC2). An empty output is an empty Result element,
     * as AWS sends it.
     */
    public static byte[] response(
            QueryDialect dialect, String xmlNamespace, String action, JsonNode output, String requestId) {
        return write(dialect, xml -> {
            xml.writeStartElement(action + "Response");
            xml.writeDefaultNamespace(xmlNamespace);
            if (dialect == QueryDialect.EC2) {
                element(xml, "requestId", requestId);
                members(xml, output, dialect);
            } else {
                // always, even empty (<RegisterTargetsResult/>): botocore looks for the wrapper whenever the model
                // declares an output shape, and fails on a response without it
                xml.writeStartElement(action + "Result");
                if (output.isObject()) {
                    members(xml, output, dialect);
                }
                xml.writeEndElement();
                xml.writeStartElement("ResponseMetadata");
                element(xml, "RequestId", requestId);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /**
     * {@code <ErrorResponse xmlns=…><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error>
     * <RequestId>…</RequestId></ErrorResponse>} (Query), or
     * {@code <Response><Errors><Error><Code>…</Code><Message>…</Message></Error></Errors><RequestID>…</RequestID>
     * </Response>} (EC2, which has no fault type and no namespace).
     */
    public static byte[] error(
            QueryDialect dialect,
            Optional<String> xmlNamespace,
            ErrorDefinition error,
            String message,
            String requestId) {
        return write(dialect, xml -> {
            if (dialect == QueryDialect.EC2) {
                xml.writeStartElement("Response");
                xml.writeStartElement("Errors");
                xml.writeStartElement("Error");
                element(xml, "Code", error.code());
                element(xml, "Message", message);
                xml.writeEndElement();
                xml.writeEndElement();
                element(xml, "RequestID", requestId);
            } else {
                xml.writeStartElement("ErrorResponse");
                if (xmlNamespace.isPresent()) {
                    xml.writeDefaultNamespace(xmlNamespace.get());
                }
                xml.writeStartElement("Error");
                element(xml, "Type", error.fault().wireName());
                element(xml, "Code", error.code());
                element(xml, "Message", message);
                xml.writeEndElement();
                element(xml, "RequestId", requestId);
            }
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(QueryDialect dialect, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            if (dialect == QueryDialect.EC2) {
                xml.writeStartDocument("UTF-8", "1.0");
            }
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory cannot fail: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void members(XMLStreamWriter xml, JsonNode structure, QueryDialect dialect)
            throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> it = structure.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            value(xml, member.getKey(), member.getValue(), dialect);
        }
    }

    private static void value(XMLStreamWriter xml, String name, JsonNode value, QueryDialect dialect)
            throws XMLStreamException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        xml.writeStartElement(name);
        if (value.isObject()) {
            members(xml, value, dialect);
        } else if (value.isArray()) {
            String item = dialect == QueryDialect.EC2 ? "item" : "member";
            for (JsonNode element : value) {
                value(xml, item, element, dialect);
            }
        } else {
            xml.writeCharacters(text(value));
        }
        xml.writeEndElement();
    }

    private static String text(JsonNode scalar) {
        if (scalar instanceof POJONode pojo && pojo.getPojo() instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        return scalar.asText();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
