package dev.rpcadapter.queue;

import java.util.List;
import java.util.Map;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps stored jobs bounded: params over {@code max-params-size} are refused at submit; a
 * result over {@code max-result-size} is not stored and the job fails with a clear error
 * instead (a cut JSON value would be a different, wrong value); an oversize error keeps
 * its code and a shortened message, and loses its data.
 */
final class SizeCaps {

	private SizeCaps() {
	}

	static long size(ObjectMapper mapper, @Nullable JsonNode node) {
		return (node == null) ? 0 : mapper.writeValueAsBytes(node).length;
	}

	/**
	 * @throws JsonRpcException {@code -32602} when the params are too large to store
	 */
	static void checkParams(ObjectMapper mapper, @Nullable JsonNode params, long max) {
		long size = size(mapper, params);
		if (size > max) {
			throw new JsonRpcException(JsonRpcError
				.invalidParams(List.of(new JsonRpcError.ParamError("params", "too large for a queued job: " + size
						+ " bytes, at most " + max + " (adapter.queue.max-params-size)"))));
		}
	}

	/**
	 * The error replacing a result that is too large to keep, or {@code null} if it fits.
	 */
	static @Nullable JsonRpcError oversizeResult(ObjectMapper mapper, @Nullable JsonNode result, long max) {
		long size = size(mapper, result);
		if (size <= max) {
			return null;
		}
		return JsonRpcError.withData(ErrorCodes.COMMAND_FAILED,
				"The command's result of " + size + " bytes exceeds adapter.queue.max-result-size (" + max
						+ " bytes) and was not stored",
				Map.of("reason", "result_too_large", "size", size, "max_size", max));
	}

	/**
	 * The error itself if it fits, else the same code with a shortened message and no
	 * data.
	 */
	static JsonRpcError bounded(ObjectMapper mapper, JsonRpcError error, long max) {
		if (size(mapper, JobJson.error(error)) <= max) {
			return error;
		}
		String message = JobRecord.truncate(error.message());
		return JsonRpcError.withData(error.code(), message, Map.of("truncated", true));
	}

}
