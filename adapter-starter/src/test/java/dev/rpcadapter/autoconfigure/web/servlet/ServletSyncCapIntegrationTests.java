package dev.rpcadapter.autoconfigure.web.servlet;

import java.time.Duration;

import dev.rpcadapter.command.JsonRpcCommand;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command with a sync cap in a servlet application: blocking commands then run on the
 * worker pool (not on the request thread), so that the cap can answer while the command
 * still runs.
 */
@SpringBootTest(classes = { ServletTestApplication.class, ServletSyncCapIntegrationTests.CappedCommands.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class ServletSyncCapIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theCapAnswersEarlyWithTheJob() {
		ServletHttp http = new ServletHttp(this.port);
		long start = System.nanoTime();

		JsonNode handedOff = http.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"capped\",\"id\":1}");

		assertThat(handedOff.path("result").path("queued_after_timeout").asBoolean()).as(handedOff.toString()).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
		assertThat(http.rpc("{\"jsonrpc\":\"2.0\",\"method\":\"thread\",\"id\":1}").get("result").asString())
			.startsWith("boundedElastic-");
	}

	@Configuration(proxyBeanMethods = false)
	static class CappedCommands {

		@Bean
		Capped cappedCommand() {
			return new Capped();
		}

	}

	/** A command that outlives its sync cap. */
	public static class Capped {

		@JsonRpcCommand(name = "capped", description = "Sleeps past its sync cap", syncCap = "100ms")
		public String capped() throws InterruptedException {
			Thread.sleep(1_000); // stands for blocking work
			return "done";
		}

	}

}
