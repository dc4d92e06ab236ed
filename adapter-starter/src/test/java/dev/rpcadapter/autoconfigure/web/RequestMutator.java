package dev.rpcadapter.autoconfigure.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random, seed-determined requests for the keep-alive fuzz test: valid JSON-RPC requests,
 * batches and {@code /cmd} bodies of the conformance commands, mutated at the byte and at
 * the value level, sent with varied methods, paths and headers.
 */
final class RequestMutator {

	/** One request: what to send and how the answer is framed. */
	record Fuzzed(String method, String path, byte[] bytes, boolean framingBroken, String description) {

		boolean isHead() {
			return this.method.equals("HEAD");
		}
	}

	private static final List<String> VALID = List.of(
			"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":5,\"subtrahend\":2},\"id\":\"a\"}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2,4],\"id\":2.5}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":null}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"notify_hello\",\"params\":[7]}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"name\":\"x\",\"times\":2},\"id\":3}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"divide\",\"params\":{\"a\":1,\"b\":0},\"id\":4}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"message\":\"hi\",\"poll_interval\":1},\"id\":5}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"help\",\"params\":{\"cmdname\":\"sum\"},\"id\":6}",
			"{\"jsonrpc\":\"2.0\",\"method\":\"crash\",\"id\":7}",
			"{\"command\":\"subtract\",\"params\":{\"minuend\":1,\"subtrahend\":1}}",
			"{\"command\":\"queue_get_job_status\",\"job_id\":\"nope\"}");

	private static final List<String> FRAGMENTS = List.of("1e99999999999", "9".repeat(1200), "-0", "null", "true", "[]",
			"{}", "\"\\u0000\"", "\"\\ud800\"", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]", "1.5e308", "0.1e-400",
			"{\"jsonrpc\":\"2.0\"}", "\"rpc.discover\"", "\"x\"", "-1", "2147483648");

	private static final List<String> PATHS = List.of("/api/jsonrpc", "/api/jsonrpc", "/api/jsonrpc",
			"/api/jsonrpc/batch", "/cmd", "/health", "/commands", "/openrpc.json", "/ws", "/api/jsonrpc?x=1",
			"/no-such-path");

	private static final List<String> OTHER_METHODS = List.of("HEAD", "GET", "PUT", "DELETE", "PATCH", "OPTIONS");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
			"text/plain", "application/x-www-form-urlencoded", "");

	private static final String JSON_BYTES = "{}[]\",:0-e.\\ ";

	private final Random random;

	RequestMutator(long seed) {
		this.random = new Random(seed);
	}

	Fuzzed next() {
		String body = body();
		String method = (this.random.nextInt(8) == 0) ? pick(OTHER_METHODS) : "POST";
		String path = (this.random.nextInt(4) == 0) ? pick(PATHS) : "/api/jsonrpc";
		byte[] content = mutateBytes(body.getBytes(StandardCharsets.UTF_8));
		String type = (this.random.nextInt(10) == 0) ? pick(CONTENT_TYPES) : "application/json";
		int shortBy = (this.random.nextInt(30) == 0 && content.length > 2) ? 1 + this.random.nextInt(content.length - 1)
				: 0;
		StringBuilder head = new StringBuilder(method).append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		if (!type.isEmpty()) {
			head.append("Content-Type: ").append(type).append("\r\n");
		}
		if (this.random.nextInt(12) == 0) {
			head.append("X-Fuzz: ").append("v".repeat(this.random.nextInt(200))).append("\r\n");
		}
		boolean chunked = shortBy == 0 && this.random.nextInt(12) == 0;
		byte[] payload = chunked ? chunked(content) : content;
		head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + (content.length - shortBy))
			.append("\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] bytes = new byte[start.length + payload.length];
		System.arraycopy(start, 0, bytes, 0, start.length);
		System.arraycopy(payload, 0, bytes, start.length, payload.length);
		String description = method + " " + path + " " + type + (chunked ? " chunked" : "")
				+ (shortBy > 0 ? " short by " + shortBy : "") + " "
				+ new String(content, StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7e]", "?");
		return new Fuzzed(method, path, bytes, shortBy > 0, description);
	}

	private String body() {
		int kind = this.random.nextInt(10);
		if (kind < 6) {
			return mutateValues(pick(VALID));
		}
		if (kind < 9) {
			StringBuilder batch = new StringBuilder("[");
			int size = this.random.nextInt(5);
			for (int i = 0; i < size; i++) {
				batch.append(i > 0 ? "," : "").append(mutateValues(pick(VALID)));
			}
			return batch.append(']').toString();
		}
		return pick(FRAGMENTS);
	}

	/** Replaces a few values or keys of a valid request with hostile fragments. */
	private String mutateValues(String json) {
		String result = json;
		int mutations = this.random.nextInt(3);
		for (int i = 0; i < mutations; i++) {
			int colon = result.indexOf(':', this.random.nextInt(Math.max(1, result.length())));
			if (colon < 0) {
				continue;
			}
			int end = colon + 1;
			while (end < result.length() && ",}]".indexOf(result.charAt(end)) < 0) {
				end++;
			}
			result = result.substring(0, colon + 1) + pick(FRAGMENTS) + result.substring(end);
		}
		return result;
	}

	private byte[] mutateBytes(byte[] bytes) {
		if (bytes.length == 0 || this.random.nextInt(3) != 0) {
			return bytes;
		}
		byte[] copy = bytes.clone();
		switch (this.random.nextInt(4)) {
			case 0 -> copy[this.random.nextInt(copy.length)] = (byte) this.random.nextInt(256);
			case 1 -> {
				return java.util.Arrays.copyOf(copy, this.random.nextInt(copy.length));
			}
			case 2 -> copy[this.random.nextInt(copy.length)] = (byte) JSON_BYTES
				.charAt(this.random.nextInt(JSON_BYTES.length()));
			default -> {
				byte[] doubled = java.util.Arrays.copyOf(copy, copy.length * 2);
				System.arraycopy(copy, 0, doubled, copy.length, copy.length);
				return doubled;
			}
		}
		return copy;
	}

	private static byte[] chunked(byte[] content) {
		String size = Integer.toHexString(content.length);
		byte[] head = (size + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] tail = (content.length > 0 ? "\r\n0\r\n\r\n" : "\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] all = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(content, 0, all, head.length, content.length);
		System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
		return all;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
