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
import io.sentry.Sentry;

/**
 * A Sentry ingestion endpoint on loopback: accepts the envelopes the Sentry SDK posts to
 * {@code /api/42/envelope/} (gzip-compressed or not) and keeps their items as JSON. Like
 * Sentry, it rejects with {@code 413} an envelope holding an event or transaction over
 * Sentry's size limits (<a href="https://docs.sentry.io/concepts/data-management/size-limits/">Size
 * Limits</a>: "Events that exceed 200KB compressed or 1MB decompressed will be rejected"), and
 * keeps nothing of it.
 */
public final class SentryEnvelopeServer implements AutoCloseable {

	public static final String PROJECT_ID = "42";

	/** Sentry's limit of an event (a transaction is one) once decompressed, in bytes. */
	public static final int MAX_EVENT_BYTES = 1_000_000;

	/** Sentry's limit of an event as sent, compressed, in bytes. */
	public static final int MAX_COMPRESSED_EVENT_BYTES = 200_000;

	private final List<String> rejections = new CopyOnWriteArrayList<>();

	private final List<int[]> transactionSizes = new CopyOnWriteArrayList<>();

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
	 * Initializes the Sentry SDK to send here every transaction, and nothing of its own
	 * (no client reports, no uncaught-exception handler, no shutdown hook), replacing any
	 * earlier initialization. The test closes it with {@code Sentry.close()}.
	 */
	public void initSentry() {
		Sentry.init((options) -> {
			options.setDsn(dsn());
			options.setTracesSampleRate(1.0);
			options.setSendClientReports(false);
			options.setEnableUncaughtExceptionHandler(false);
			options.setEnableShutdownHook(false);
			options.setForceInit(true);
		});
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

	/**
	 * The sizes of the accepted transactions: their payload's bytes and their envelope's bytes
	 * as sent (compressed), in order of arrival.
	 */
	public List<int[]> transactionSizes() {
		return this.transactionSizes;
	}

	/**
	 * Why envelopes were rejected for their size, one entry per rejected envelope.
	 */
	public List<String> rejections() {
		return this.rejections;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.paths.add(exchange.getRequestURI().getPath());
			byte[] sent = exchange.getRequestBody().readAllBytes();
			byte[] body = sent;
			String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
			this.encodings.add((encoding != null) ? encoding : "identity");
			if ("gzip".equalsIgnoreCase(encoding)) {
				try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
					body = gzip.readAllBytes();
				}
			}
			int compressed = sent.length;
			List<Item> received = parse(body);
			String rejection = rejection(received, compressed);
			if (rejection != null) {
				this.rejections.add(rejection);
				exchange.sendResponseHeaders(413, -1);
				return;
			}
			this.items.addAll(received);
			received.stream()
				.filter((item) -> item.type().equals("transaction"))
				.forEach((item) -> this.transactionSizes.add(new int[] { item.length(), compressed }));
			exchange.sendResponseHeaders(200, -1);
		}
	}

	private static String rejection(List<Item> items, int compressedLength) {
		for (Item item : items) {
			if (!item.type().equals("event") && !item.type().equals("transaction")) {
				continue;
			}
			if (item.length() > MAX_EVENT_BYTES) {
				return item.type() + " of " + item.length() + " bytes, over " + MAX_EVENT_BYTES;
			}
			if (compressedLength > MAX_COMPRESSED_EVENT_BYTES) {
				return item.type() + " sent as " + compressedLength + " compressed bytes, over "
						+ MAX_COMPRESSED_EVENT_BYTES;
			}
		}
		return null;
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
			items.add(new Item(header.get("type").asText(), OBJECT_MAPPER.readTree(payload), payloadEnd - payloadStart));
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

	/**
	 * An envelope item.
	 * @param type its type
	 * @param payload its payload
	 * @param length the payload's length in bytes
	 */
	public record Item(String type, JsonNode payload, int length) {
	}

}
