package dev.rpcadapter.method;

import java.util.List;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcError.ParamError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.transfer.TransferRef;
import dev.rpcadapter.transfer.Transfers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** How {@link TransferRef} params and job artifacts reach command methods. */
final class TransferBindings {

	private TransferBindings() {
	}

	/** A {@code TransferRef} param: a transfer id string on the wire. */
	static ParamBinding binding(String name, @Nullable CommandParam param, ObjectMapper mapper) {
		ObjectNode schema = JsonNodeFactory.instance.objectNode()
			.put("type", "string")
			.put("format", TransferRef.SCHEMA_FORMAT)
			.put("description", (param != null && !param.description().isEmpty()) ? param.description()
					: "The transfer_id of a completed upload (transfer_upload_begin ... transfer_upload_complete)");
		boolean required = param == null || param.required();
		return new ParamBinding(ParamBinding.Kind.TRANSFER, name, mapper.constructType(String.class), required, null,
				schema);
	}

	/**
	 * The caller's completed upload named by {@code id}; {@code -32602} on the param
	 * otherwise.
	 */
	static @Nullable TransferRef resolve(ParamBinding binding, @Nullable Object id, Caller caller,
			@Nullable Transfers transfers) {
		if (id == null) {
			return null;
		}
		if (transfers == null) {
			throw invalid(binding, "file transfers are off (adapter.transfers.enabled)");
		}
		try {
			return transfers.resolve((String) id, caller);
		}
		catch (JsonRpcException ex) {
			throw invalid(binding, message(ex));
		}
	}

	private static String message(JsonRpcException ex) {
		var errors = (ex.error().data() != null) ? ex.error().data().path("errors") : null;
		return (errors != null && errors.size() > 0) ? errors.get(0).path("message").asString() : "unknown transfer";
	}

	private static JsonRpcException invalid(ParamBinding binding, String message) {
		return new JsonRpcException(JsonRpcError.invalidParams(List.of(new ParamError(binding.name(), message))));
	}

	/**
	 * The job context, able to publish artifacts when transfers are on and the command
	 * runs as a job.
	 */
	static JobContext jobContext(JobContext job, Caller caller, @Nullable Transfers transfers) {
		if (transfers == null || job == JobContext.NONE) {
			return job;
		}
		return new ArtifactJobContext(job, caller, transfers);
	}

}
