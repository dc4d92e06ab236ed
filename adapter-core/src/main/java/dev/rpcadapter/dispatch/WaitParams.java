package dev.rpcadapter.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcError.ParamError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's server-side waiting params, {@code poll_interval} and {@code max_wait_time}
 * (seconds), which its clients send among any command's params. They are taken out before
 * binding, so no command rejects them as unknown (a command that declares a param of the
 * same name keeps it); a queued call waits by them (see {@code JobSubmitter#submit}).
 *
 * @param params the params without them
 * @param maxWait {@code max_wait_time}, or {@code null} if not given
 * @param pollInterval {@code poll_interval}, or {@code null} if not given
 */
record WaitParams(@Nullable JsonNode params, @Nullable Duration maxWait, @Nullable Duration pollInterval) {

	static final String POLL_INTERVAL = "poll_interval";

	static final String MAX_WAIT_TIME = "max_wait_time";

	/**
	 * @throws JsonRpcException {@code -32602} if a value is not a number of seconds ≥ 0
	 */
	static WaitParams of(@Nullable JsonNode params, CommandDescriptor descriptor) {
		if (!(params instanceof ObjectNode object) || (!object.has(POLL_INTERVAL) && !object.has(MAX_WAIT_TIME))) {
			return new WaitParams(params, null, null);
		}
		ObjectNode rest = object.deepCopy();
		List<ParamError> errors = new ArrayList<>();
		Duration maxWait = seconds(take(rest, MAX_WAIT_TIME, descriptor), MAX_WAIT_TIME, errors);
		Duration pollInterval = seconds(take(rest, POLL_INTERVAL, descriptor), POLL_INTERVAL, errors);
		if (!errors.isEmpty()) {
			throw new JsonRpcException(JsonRpcError.invalidParams(errors));
		}
		return new WaitParams(rest, maxWait, pollInterval);
	}

	private static @Nullable JsonNode take(ObjectNode params, String name, CommandDescriptor descriptor) {
		boolean declared = descriptor.params().stream().anyMatch((p) -> p.name().equals(name));
		return declared ? null : params.remove(name);
	}

	private static @Nullable Duration seconds(@Nullable JsonNode value, String name, List<ParamError> errors) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 86_400) {
			errors.add(new ParamError(name, "must be a number of seconds from 0 to 86400"));
			return null;
		}
		return Duration.ofNanos((long) (value.asDouble() * 1_000_000_000L));
	}
}
