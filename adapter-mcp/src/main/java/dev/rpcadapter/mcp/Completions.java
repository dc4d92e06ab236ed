package dev.rpcadapter.mcp;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code CompleteResult}s: at most 100 values, with the total and whether there are more.
 */
final class Completions {

	private static final int MAX = 100;

	private Completions() {
	}

	static ObjectNode of(List<String> values) {
		ObjectNode completion = Rpc.object();
		ArrayNode array = completion.putArray("values");
		values.stream().limit(MAX).forEach(array::add);
		completion.put("total", values.size()).put("hasMore", values.size() > MAX);
		ObjectNode result = Rpc.object();
		result.set("completion", completion);
		return result;
	}

}
