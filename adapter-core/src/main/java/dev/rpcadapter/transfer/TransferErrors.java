package dev.rpcadapter.transfer;

import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcError.ParamError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON-RPC errors of transfers. */
final class TransferErrors {

	static final String UNKNOWN = "unknown transfer";

	private TransferErrors() {
	}

	/** {@code -32602} on one param. */
	static JsonRpcException invalid(String param, String message) {
		return new JsonRpcException(JsonRpcError.invalidParams(List.of(new ParamError(param, message))));
	}

	/**
	 * An unknown transfer, or one the caller may not see (the same answer, so ids cannot
	 * be probed).
	 */
	static JsonRpcException unknown() {
		return invalid("transfer_id", UNKNOWN);
	}

	/**
	 * {@code -32602}: the upload is incomplete; {@code data.missing} lists (the first
	 * 1000) missing chunks.
	 */
	static JsonRpcException failedMissing(List<Integer> missing) {
		String message = "upload incomplete: " + missing.size() + " chunk(s) missing";
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.putArray("errors").addObject().put("param", "transfer_id").put("message", message);
		var list = data.putArray("missing");
		missing.stream().limit(1000).forEach(list::add);
		return new JsonRpcException(
				new JsonRpcError(ErrorCodes.INVALID_PARAMS, "Invalid params: transfer_id: " + message, data));
	}

	static CommandException failed(String message, Map<String, ?> data) {
		return CommandException.withData(message, data);
	}

}
