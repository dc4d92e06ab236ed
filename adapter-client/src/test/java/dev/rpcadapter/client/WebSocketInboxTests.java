package dev.rpcadapter.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketInboxTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final WebSocketInbox inbox = new WebSocketInbox(this.mapper);

	@Test
	void responsesAreMatchedToCallsByIdInAnyOrder() {
		CompletableFuture<JsonNode> first = this.inbox.expectResponse(this.mapper.readTree("1"));
		CompletableFuture<JsonNode> second = this.inbox.expectResponse(this.mapper.readTree("2"));
		this.inbox.accept("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"b\"}");
		this.inbox.accept("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"a\"}");
		assertThat(first.join().stringValue()).isEqualTo("a");
		assertThat(second.join().stringValue()).isEqualTo("b");
	}

	@Test
	void errorResponseFailsTheCallWithMappedException() {
		CompletableFuture<JsonNode> call = this.inbox.expectResponse(this.mapper.readTree("1"));
		this.inbox
			.accept("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32002,\"message\":\"Permission denied\"}}");
		assertThat(call).isCompletedExceptionally();
		assertThat(failure(call)).isInstanceOf(PermissionDeniedException.class);
	}

	@Test
	void subscribedAcknowledgementCompletesSubscriptionAndEventsReachListener() {
		List<JobEvent> events = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> ack = this.inbox.subscribe("j1", events::add);
		this.inbox.accept("{\"event\":\"subscribed\",\"job_id\":\"j1\"}");
		this.inbox.accept("{\"event\":\"job_progress\",\"job_id\":\"j1\",\"status\":\"running\",\"progress\":50,"
				+ "\"description\":\"half\",\"timestamp\":\"2026-01-01T00:00:00Z\"}");
		this.inbox.accept("{\"event\":\"job_completed\",\"job_id\":\"j1\",\"status\":\"completed\",\"progress\":100,"
				+ "\"description\":\"\",\"result\":[1]}");
		this.inbox.accept("{\"event\":\"job_completed\",\"job_id\":\"other\",\"status\":\"completed\"}");
		assertThat(ack).isCompleted();
		assertThat(events).extracting(JobEvent::type).containsExactly(JobEventType.PROGRESS, JobEventType.COMPLETED);
		assertThat(events.get(0).progress()).isEqualTo(50);
		assertThat(events.get(1).state()).isEqualTo(RemoteJobState.COMPLETED);
		assertThat(events.get(1).result().get(0).asInt()).isEqualTo(1);
	}

	@Test
	void unsubscribedJobNoLongerReachesListener() {
		List<JobEvent> events = new CopyOnWriteArrayList<>();
		this.inbox.subscribe("j1", events::add);
		this.inbox.unsubscribe("j1");
		this.inbox.accept("{\"event\":\"job_stopped\",\"job_id\":\"j1\",\"status\":\"stopped\"}");
		assertThat(events).isEmpty();
	}

	@Test
	void failAllFailsPendingCallsAndSubscriptions() {
		CompletableFuture<JsonNode> call = this.inbox.expectResponse(this.mapper.readTree("1"));
		CompletableFuture<Void> ack = this.inbox.subscribe("j1", (event) -> {
		});
		this.inbox.failAll(new RpcTransportException("closed", null));
		assertThat(failure(call)).isInstanceOf(RpcTransportException.class);
		assertThat(failure(ack)).isInstanceOf(RpcTransportException.class);
	}

	@Test
	void nonJsonFrameIsIgnored() {
		CompletableFuture<JsonNode> call = this.inbox.expectResponse(this.mapper.readTree("1"));
		this.inbox.accept("not json");
		assertThat(call).isNotDone();
	}

	private static Throwable failure(CompletableFuture<?> future) {
		assertThat(future).isCompletedExceptionally();
		return future.handle((value, failure) -> failure).join();
	}

}
