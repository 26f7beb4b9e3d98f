package io.agentobs.claudecode.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Sentry ingestion endpoint on loopback: accepts the envelopes the Sentry SDK posts to
 * {@code /api/42/envelope/} (gzip-compressed or not) and keeps their items as JSON.
 */
public final class SentryEnvelopeServer implements AutoCloseable {

	public static final String PROJECT_ID = "42";

	private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

	private final HttpServer server;

	private final List<Item> items = new CopyOnWriteArrayList<>();

	private final List<String> paths = new CopyOnWriteArrayList<>();

	private final List<String> encodings = new CopyOnWriteArrayList<>();

	public SentryEnvelopeServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::receive);
		this.server.start();
	}

	public String dsn() {
		return "http://key@127.0.0.1:" + this.server.getAddress().getPort() + "/" + PROJECT_ID;
	}

	/**
	 * The payloads of the received items of the given type, in order of arrival.
	 */
	public List<JsonNode> items(String type) {
		return this.items.stream().filter((item) -> item.type().equals(type)).map(Item::payload).toList();
	}

	public List<String> paths() {
		return this.paths;
	}

	/**
	 * The {@code Content-Encoding} of each request, {@code identity} when it had none.
	 */
	public List<String> encodings() {
		return this.encodings;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.paths.add(exchange.getRequestURI().getPath());
			byte[] body = exchange.getRequestBody().readAllBytes();
			String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
			this.encodings.add((encoding != null) ? encoding : "identity");
			if ("gzip".equalsIgnoreCase(encoding)) {
				try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
					body = gzip.readAllBytes();
				}
			}
			this.items.addAll(parse(body));
			exchange.sendResponseHeaders(200, -1);
		}
	}

	/**
	 * Parse an envelope: a header line, then per item a header line and a payload of the
	 * header's {@code length} bytes (or up to the next newline when it has none).
	 */
	public static List<Item> parse(byte[] envelope) throws IOException {
		List<Item> items = new ArrayList<>();
		int position = lineEnd(envelope, 0) + 1;
		while (position < envelope.length) {
			int headerEnd = lineEnd(envelope, position);
			if (headerEnd == position) {
				position++;
				continue;
			}
			JsonNode header = OBJECT_MAPPER.readTree(new String(envelope, position, headerEnd - position,
					StandardCharsets.UTF_8));
			int payloadStart = headerEnd + 1;
			int payloadEnd = header.has("length") ? payloadStart + header.get("length").asInt()
					: lineEnd(envelope, payloadStart);
			String payload = new String(envelope, payloadStart, payloadEnd - payloadStart, StandardCharsets.UTF_8);
			items.add(new Item(header.get("type").asText(), OBJECT_MAPPER.readTree(payload)));
			position = payloadEnd + 1;
		}
		return items;
	}

	private static int lineEnd(byte[] bytes, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return bytes.length;
	}

	public record Item(String type, JsonNode payload) {
	}

}
