package io.agentobs.claudecode.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.yaml.snakeyaml.Yaml;

/**
 * The conventions' own definitions, vendored in the test resources under
 * {@code conventions/} (see the README there): Sentry's attributes, the OpenTelemetry
 * registry's attributes and metrics, the GenAI JSON schemas, the development metric
 * definitions and the histogram bucket boundaries of both profiles.
 */
public final class ConventionDefinitions {

	private static final String LOCATION = "conventions/";

	private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

	private static final Map<String, String> SCHEMAS = Map.of("gen_ai.input.messages", "gen-ai-input-messages.json",
			"gen_ai.output.messages", "gen-ai-output-messages.json", "gen_ai.system_instructions",
			"gen-ai-system-instructions.json", "gen_ai.tool.definitions", "gen-ai-tool-definitions.json");

	private ConventionDefinitions() {
	}

	/**
	 * Sentry's definition of an attribute.
	 * @param key the attribute
	 * @return its definition ({@code type}, {@code deprecation}, ...), or {@code null}
	 */
	public static JsonNode sentryAttribute(String key) {
		JsonNode definition = json("sentry/gen-ai-attributes.json").path("attributes").get(key);
		return definition;
	}

	/**
	 * The released OpenTelemetry registry's definition of an attribute.
	 * @param key the attribute
	 * @return its definition ({@code brief}, {@code deprecated}, ...), or {@code null}
	 */
	public static JsonNode openTelemetryAttribute(String key) {
		return json("opentelemetry/gen-ai-registry.json").path("attributes").get(key);
	}

	/**
	 * The released OpenTelemetry registry's definition of a metric.
	 * @param name the metric
	 * @return its definition, or {@code null}
	 */
	public static JsonNode openTelemetryMetric(String name) {
		return json("opentelemetry/gen-ai-registry.json").path("metrics").get(name);
	}

	/**
	 * The development head's definition of a metric ({@code metrics.yaml},
	 * {@code token-metrics.yaml}).
	 * @param name the metric
	 * @return its definition ({@code instrument}, {@code unit}, ...), or {@code null}
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> developmentMetric(String name) {
		for (String file : List.of("metrics.yaml", "token-metrics.yaml")) {
			Map<String, Object> model = yaml("opentelemetry-genai/" + file);
			for (Map<String, Object> metric : (List<Map<String, Object>>) model.get("metrics")) {
				if (name.equals(metric.get("name"))) {
					return metric;
				}
			}
		}
		return null;
	}

	/**
	 * The bucket boundaries the conventions give a histogram.
	 * @param profile {@code v1.41.0} or {@code development}
	 * @param name the metric
	 * @return the boundaries, or {@code null} when the profile gives none
	 */
	public static List<Double> bucketBoundaries(String profile, String name) {
		JsonNode boundaries = json("opentelemetry-genai/metric-bucket-boundaries.json").path(profile).get(name);
		if (boundaries == null) {
			return null;
		}
		List<Double> values = new ArrayList<>();
		boundaries.forEach((value) -> values.add(value.asDouble()));
		return values;
	}

	/**
	 * The content keys that have a JSON schema.
	 * @return the keys
	 */
	public static Set<String> schemaKeys() {
		return SCHEMAS.keySet();
	}

	/**
	 * Validate a content attribute against its JSON schema.
	 * @param key the attribute, one of {@link #schemaKeys()}
	 * @param json the attribute's JSON text
	 * @return the violations, empty when the value is valid
	 */
	public static Set<ValidationMessage> validate(String key, String json) {
		JsonSchema schema = schema(SCHEMAS.get(key));
		try {
			return schema.validate(OBJECT_MAPPER.readTree(json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not JSON: " + key, ex);
		}
	}

	private static final Map<String, JsonSchema> schemas = new LinkedHashMap<>();

	private static synchronized JsonSchema schema(String file) {
		return schemas.computeIfAbsent(file, (name) -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(json("opentelemetry-genai/" + name)));
	}

	private static final Map<String, JsonNode> documents = new LinkedHashMap<>();

	private static synchronized JsonNode json(String path) {
		return documents.computeIfAbsent(path, (name) -> {
			try (InputStream in = resource(name)) {
				return OBJECT_MAPPER.readTree(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static Map<String, Object> yaml(String path) {
		try (InputStream in = resource(path)) {
			return new Yaml().load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String path) {
		InputStream in = ConventionDefinitions.class.getClassLoader().getResourceAsStream(LOCATION + path);
		if (in == null) {
			throw new IllegalStateException("No " + LOCATION + path + " on the test class path");
		}
		return in;
	}

}
