/**
 * The AWS Query protocol codec, both dialects (AWS Query as STS, IAM and ELBv2 speak it; EC2's): decoding a
 * form-encoded request into {@code Action}, {@code Version} and a member tree ({@link dev.gantry.api.query.QueryRequest}),
 * and rendering an output tree or an error as the dialect's XML ({@link dev.gantry.api.query.QueryXml}).
 *
 * <p>Pure: no HTTP, no signatures, no services. {@code api/http}'s Query endpoint frames it; services stay
 * protocol-free ({@link dev.gantry.api.protocol.AwsService}).
 */
package dev.gantry.api.query;
