package dev.rpcadapter.bench.loadgen;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The request the driver sends, and the check every answer has to pass. */
final class EchoCheck {

	static final String MESSAGE = "hello";

	static final byte[] REQUEST = ("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"message\":\"" + MESSAGE
			+ "\"},\"id\":1}")
		.getBytes(StandardCharsets.UTF_8);

	private static final JsonMapper json = JsonMapper.builder().build();

	private EchoCheck() {
	}

	/**
	 * Whether an answer is the echo's: HTTP 200, {@code "jsonrpc":"2.0"}, {@code "id":1},
	 * no error, and the message back in the result (plain, or wrapped by a result
	 * format).
	 */
	static boolean passes(int status, byte[] body) {
		if (status != 200 || body.length == 0) {
			return false;
		}
		try {
			JsonNode answer = json.readTree(body);
			JsonNode result = answer.get("result");
			if (!"2.0".equals(answer.path("jsonrpc").asString("")) || answer.path("id").asInt(-1) != 1
					|| answer.has("error") || result == null) {
				return false;
			}
			JsonNode message = result.findValue("message");
			return message != null && MESSAGE.equals(message.asString(""));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
