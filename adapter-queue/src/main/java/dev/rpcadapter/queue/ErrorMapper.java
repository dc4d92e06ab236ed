package dev.rpcadapter.queue;

import java.util.concurrent.TimeoutException;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.support.ErrorIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns what a job threw into the JSON-RPC error its record keeps; never leaks exception
 * text.
 */
final class ErrorMapper {

	private static final Logger logger = LoggerFactory.getLogger(ErrorMapper.class);

	private final ObjectMapper mapper;

	ErrorMapper(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	JsonRpcError map(String jobId, String command, Throwable thrown) {
		Throwable ex = Exceptions.unwrap(thrown);
		if (ex instanceof JsonRpcException rpc) {
			return rpc.error();
		}
		if (ex instanceof CommandException failure) {
			JsonNode data = (failure.data() == null) ? null : this.mapper.valueToTree(failure.data());
			return new JsonRpcError(failure.code(), String.valueOf(failure.getMessage()), data);
		}
		if (ex instanceof TimeoutException) {
			return JsonRpcError.of(ErrorCodes.TIMED_OUT, "Command '" + command + "' timed out");
		}
		String errorId = ErrorIds.next();
		logger.error("Job {} (command '{}') failed [error_id={}]", jobId, command, errorId, ex);
		return JsonRpcError.internal(errorId);
	}

}
