package dev.rpcadapter.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Python client written like the seed's (standard library only) runs its flow against
 * the demo in envelope mode: queued call, polling with the seed's params, /health and
 * help.
 */
@SpringBootTest(classes = DemoServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "adapter.jsonrpc.result-format=envelope", "logging.level.root=WARN" })
class SeedPythonClientIntegrationTests {

	private static final Path SCRIPT = Path.of("src/test/python/seed_client_flow.py");

	@LocalServerPort
	int port;

	@Test
	void seedStylePythonClientFlowSucceeds() throws IOException, InterruptedException {
		Assumptions.assumeTrue(python3() != null,
				"python3 is not on the PATH: the seed-style Python client flow is skipped");
		Path output = Files.createTempFile("seed-client-flow", ".log");
		Process process = new ProcessBuilder(python3(), SCRIPT.toString(), "http://127.0.0.1:" + this.port)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean finished = process.waitFor(90, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		String log = Files.readString(output, StandardCharsets.UTF_8);
		Files.deleteIfExists(output);
		assertThat(finished).as("the script finished within 90 s:%n%s", log).isTrue();
		assertThat(process.exitValue()).as(log).isZero();
		assertThat(log).contains("seed client flow: ok");
	}

	private static String python3() {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(File.pathSeparator)) {
			File candidate = new File(dir, "python3");
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		return null;
	}

}
