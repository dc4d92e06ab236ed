package dev.rpcadapter.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Runs {@code src/test/node/validate.mjs} against the demo on a random port:
 * {@code /openrpc.json} and {@code rpc.discover} through
 * {@code @open-rpc/schema-utils-js}, {@code /openapi.json} through
 * {@code @apidevtools/swagger-parser}, and real responses (single, batch, {@code /cmd},
 * errors) through ajv against the published schemas. Skipped only when {@code node} is
 * not on the PATH; fails when its packages are missing, with the command that installs
 * them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("node")
class DocumentValidatorsIntegrationTests {

	private static final Path NODE_PROJECT = Path.of("src", "test", "node");

	private static final String INSTALL = "npm ci --prefix examples/demo-server/src/test/node";

	@LocalServerPort
	int port;

	@Test
	void documentsAndResponsesValidateWithTheEcosystemsValidators() throws Exception {
		String node = onPath("node");
		assumeThat(node).as("node (Node.js 20+) on the PATH").isNotNull();
		assertThat(NODE_PROJECT.resolve("node_modules")).as("the validators' packages are installed; run: " + INSTALL)
			.isDirectory();
		Path output = Files.createTempFile("validators", ".log");
		Process process = new ProcessBuilder(node, "validate.mjs", "http://127.0.0.1:" + this.port)
			.directory(NODE_PROJECT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean finished = process.waitFor(120, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		String log = Files.readString(output, StandardCharsets.UTF_8);
		Files.deleteIfExists(output);
		assertThat(finished).as("validators finished within 120 s:\n" + log).isTrue();
		assertThat(process.exitValue()).as("validators' exit code; their output:\n" + log).isZero();
		assertThat(log).contains(" checks, 0 failures");
	}

	private static String onPath(String command) throws IOException {
		String path = System.getenv("PATH");
		for (String dir : (path != null) ? path.split(File.pathSeparator) : new String[0]) {
			Path candidate = Path.of(dir, command);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

}
