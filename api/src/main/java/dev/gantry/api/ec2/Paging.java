package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.ec2.Ec2Error;
import java.util.List;

/**
 * EC2's MaxResults/NextToken paging over a Describe call's whole answer: the token is the next item's position
 * (opaque to clients), all items when MaxResults is absent.
 */
final class Paging {
    private Paging() {}

    static ObjectNode page(In in, String element, List<? extends JsonNode> items) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        int from = in.text("NextToken").map(Paging::offset).orElse(0);
        int max = in.integer("MaxResults").orElse(Integer.MAX_VALUE);
        int to = (int) Math.min(items.size(), (long) from + max);
        ArrayNode list = out.putArray(element);
        for (int i = Math.min(from, items.size()); i < to; i++) {
            list.add(items.get(i));
        }
        if (to < items.size()) {
            out.put("nextToken", "p" + to);
        }
        return out;
    }

    private static int offset(String token) {
        if (token.matches("p\\d{1,9}")) {
            return Integer.parseInt(token.substring(1));
        }
        throw Ec2Error.INVALID_NEXT_TOKEN.error(
                "The token '" + token + "' is invalid: pass the nextToken of the" + " previous page unchanged.");
    }
}
