package dev.rpcadapter.autoconfigure.registration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class ProxyClientObservationTests {

	private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private static final byte[] BODY = "{\"server_id\":\"s1\"}".getBytes(StandardCharsets.UTF_8);

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final FakeProxy proxy = FakeProxy.start();

	private final ProxyClient client;

	ProxyClientObservationTests() {
		// stands in for Boot's tracing handler: writes a traceparent into the sender's
		// carrier
		this.observations.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
			@Override
			public void onStart(SenderContext<Object> context) {
				context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof SenderContext;
			}
		});
		this.client = new ProxyClient(Duration.ofSeconds(2), null, "", this.observations, null);
	}

	@AfterEach
	void close() {
		this.client.close();
		this.proxy.close();
	}

	@Test
	void aRequestIsObservedAndCarriesTheTraceContext() {
		ProxyResponse response = this.client.post("register", URI.create(this.proxy.url("/register")), BODY)
			.block(Duration.ofSeconds(5));
		assertThat(response.isSuccess()).isTrue();
		assertThat(this.proxy.received).singleElement()
			.satisfies((received) -> assertThat(received.traceparent()).isEqualTo(TRACEPARENT));
		assertThat(this.observations).hasSingleObservationThat()
			.hasNameEqualTo("rpc.adapter.registration.request")
			.hasContextualNameEqualTo("registration register")
			.hasLowCardinalityKeyValue("kind", "register")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasBeenStopped();
	}

	@Test
	void aRefusedRequestIsAClientError() {
		this.client.post("heartbeat", URI.create(this.proxy.url("/proxy/heartbeat")), BODY)
			.block(Duration.ofSeconds(5));
		assertThat(this.observations).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("kind", "heartbeat")
			.hasLowCardinalityKeyValue("outcome", "client_error");
	}

	@Test
	void noAnswerIsAnUnknownOutcomeWithTheError() {
		FakeProxy down = FakeProxy.down();
		assertThat(this.client.post("register", URI.create(down.url("/register")), BODY)
			.onErrorResume((ex) -> reactor.core.publisher.Mono.empty())
			.block(Duration.ofSeconds(5))).isNull();
		assertThat(this.observations).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "unknown")
			.assertThatError()
			.isNotNull();
	}

}
