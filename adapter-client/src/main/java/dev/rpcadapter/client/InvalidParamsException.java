package dev.rpcadapter.client;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Code {@code -32602}: the params were rejected before the command ran. {@link #errors()}
 * lists each problem from {@code data.errors}.
 */
public class InvalidParamsException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public InvalidParamsException(RpcError error, int httpStatus) {
		super(error, httpStatus);
	}

	/**
	 * @return the {@code data.errors} entries, empty when the server sent none
	 */
	public List<ParamError> errors() {
		JsonNode data = data();
		if (data == null || !data.path("errors").isArray()) {
			return List.of();
		}
		List<ParamError> errors = new ArrayList<>();
		for (JsonNode entry : data.path("errors")) {
			errors.add(new ParamError(entry.path("param").asString(""), entry.path("message").asString("")));
		}
		return List.copyOf(errors);
	}

}
