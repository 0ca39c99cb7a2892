package dev.gantry.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.ErrorDefinition;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.QueryDialect;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class QueryXmlTest {

    static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String EC2 = "http://ec2.amazonaws.com/doc/2016-11-15";

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String at(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }

    @Test
    void queryResponseHasResultAndResponseMetadataAsStsAnswers() {
        ObjectNode out = Json.mapper()
                .createObjectNode()
                .put("UserId", "123456789012")
                .put("Account", "123456789012")
                .put("Arn", "arn:aws:iam::123456789012:root");
        assertThat(text(QueryXml.response(QueryDialect.QUERY, STS, "GetCallerIdentity", out, "rid-1")))
                .isEqualTo(
                        "<GetCallerIdentityResponse xmlns=\"" + STS + "\"><GetCallerIdentityResult>"
                                + "<UserId>123456789012</UserId><Account>123456789012</Account>"
                                + "<Arn>arn:aws:iam::123456789012:root</Arn></GetCallerIdentityResult>"
                                + "<ResponseMetadata><RequestId>rid-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
    }

    @Test
    void emptyOutputHasAnEmptyResultElementAsAwsSendsIt() {
        assertThat(text(QueryXml.response(
                        QueryDialect.QUERY, STS, "DeleteThing", Json.mapper().createObjectNode(), "r")))
                .isEqualTo("<DeleteThingResponse xmlns=\"" + STS + "\"><DeleteThingResult></DeleteThingResult>"
                        + "<ResponseMetadata><RequestId>r"
                        + "</RequestId></ResponseMetadata></DeleteThingResponse>");
    }

    @Test
    void listsAreMembersStructuresNestAndTextIsEscapedAndTimestampsAreIso() throws Exception {
        ObjectNode out = Json.mapper().createObjectNode();
        out.putArray("Tags").addObject().put("Key", "a<b").put("Value", "x&y");
        out.set("Expiration", QueryXml.timestamp(Instant.parse("2026-01-02T03:04:05Z")));
        out.put("Enabled", true).put("Count", 3).putNull("Missing");
        Document doc = parse(QueryXml.response(QueryDialect.QUERY, STS, "Op", out, "r"));
        assertThat(at(doc, "/OpResponse/OpResult/Tags/member[1]/Key")).isEqualTo("a<b");
        assertThat(at(doc, "/OpResponse/OpResult/Tags/member[1]/Value")).isEqualTo("x&y");
        assertThat(at(doc, "/OpResponse/OpResult/Expiration")).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(at(doc, "/OpResponse/OpResult/Enabled")).isEqualTo("true");
        assertThat(at(doc, "/OpResponse/OpResult/Count")).isEqualTo("3");
        assertThat(at(doc, "count(/OpResponse/OpResult/Missing)")).isEqualTo("0");
    }

    @Test
    void aTimestampNodeIsEpochSecondsInJson() throws Exception {
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("Expiration", QueryXml.timestamp(Instant.parse("2026-01-02T03:04:05.250Z")));
        assertThat(Json.mapper().writeValueAsString(out)).isEqualTo("{\"Expiration\":1767323045.25}");
    }

    @Test
    void ec2ResponseHasRequestIdFirstNoResultWrapperAndItems() throws Exception {
        ObjectNode out = Json.mapper().createObjectNode();
        out.putArray("reservationSet").addObject().put("reservationId", "r-1");
        byte[] xml = QueryXml.response(QueryDialect.EC2, EC2, "DescribeInstances", out, "rid-2");
        assertThat(text(xml))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeInstancesResponse xmlns=\""
                        + EC2
                        + "\"><requestId>rid-2</requestId><reservationSet><item><reservationId>r-1</reservationId>"
                        + "</item></reservationSet></DescribeInstancesResponse>");
        assertThat(at(parse(xml), "/DescribeInstancesResponse/reservationSet/item/reservationId"))
                .isEqualTo("r-1");
    }

    @Test
    void queryErrorHasTypeCodeMessageAndRequestId() {
        byte[] xml = QueryXml.error(
                QueryDialect.QUERY,
                Optional.of(STS),
                ErrorDefinition.sender("InvalidAction"),
                "Could not find operation Nope for version 2011-06-15.",
                "rid-3");
        assertThat(text(xml))
                .isEqualTo("<ErrorResponse xmlns=\"" + STS + "\"><Error><Type>Sender</Type>"
                        + "<Code>InvalidAction</Code><Message>Could not find operation Nope for version 2011-06-15.</Message>"
                        + "</Error><RequestId>rid-3</RequestId></ErrorResponse>");
    }

    @Test
    void receiverFaultsSayReceiver() throws Exception {
        byte[] xml = QueryXml.error(
                QueryDialect.QUERY, Optional.empty(), ErrorDefinition.receiver("InternalFailure", 500), "boom", "r");
        assertThat(at(parse(xml), "/ErrorResponse/Error/Type")).isEqualTo("Receiver");
    }

    @Test
    void ec2ErrorIsResponseErrorsErrorWithRequestIdInCapitals() {
        byte[] xml = QueryXml.error(
                QueryDialect.EC2,
                Optional.of(EC2),
                ErrorDefinition.sender("AuthFailure", 401),
                "AWS was not able to validate the provided access credentials",
                "rid-4");
        assertThat(text(xml))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
                        + "<Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials"
                        + "</Message></Error></Errors><RequestID>rid-4</RequestID></Response>");
    }
}
