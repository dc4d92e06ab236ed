package dev.rpcadapter.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DefaultRpcBatchTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicReference<JsonNode> sent = new AtomicReference<>();

	@Test
	void resultsFollowCallOrderAndSkipNotifications() {
		RpcBatch batch = batch("[{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32601,\"message\":\"nope\"}},"
				+ "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"one\"}]");
		List<RpcResult> results = batch.call("a", null).notify("n", null).call("b", null).send();
		assertThat(results).extracting(RpcResult::method).containsExactly("a", "b");
		assertThat(results.get(0).get().stringValue()).isEqualTo("one");
		assertThat(results.get(1).isSuccess()).isFalse();
		assertThat(results.get(1).error().code()).isEqualTo(-32601);
		assertThat(this.sent.get().get(1).has("id")).isFalse();
	}

	@Test
	void failedEntryThrowsMappedExceptionOnGet() {
		List<RpcResult> results = batch(
				"[{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"x\"}}]")
			.call("a", null)
			.send();
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> results.get(0).get());
	}

	@Test
	void missingResponseForACallIsProtocolError() {
		RpcBatch batch = batch("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}]").call("a", null).call("b", null);
		assertThatExceptionOfType(RpcProtocolException.class).isThrownBy(batch::send)
			.withMessageContaining("call 2 (b)");
	}

	@Test
	void batchRejectedAsAWholeThrowsItsError() {
		RpcBatch batch = batch(
				"{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Batch too large\"}}")
			.call("a", null);
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(batch::send)
			.withMessageContaining("Batch too large");
	}

	@Test
	void allNotificationBatchAcceptsNoContent() {
		assertThat(batch(null).notify("n", null).send()).isEmpty();
	}

	@Test
	void emptyBatchAndSecondSendAreRejected() {
		assertThatIllegalStateException().isThrownBy(() -> batch("[]").send());
		RpcBatch batch = batch(null).notify("n", null);
		batch.send();
		assertThatIllegalStateException().isThrownBy(batch::send);
	}

	private RpcBatch batch(String responseJson) {
		AtomicLong ids = new AtomicLong();
		return new DefaultRpcBatch(new JsonRpcCodec(this.mapper), ids::incrementAndGet, (body) -> {
			this.sent.set(body);
			return CompletableFuture
				.completedFuture((responseJson != null) ? this.mapper.readTree(responseJson) : null);
		});
	}

}
