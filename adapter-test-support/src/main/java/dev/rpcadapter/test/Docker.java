package dev.rpcadapter.test;

import org.testcontainers.DockerClientFactory;

/**
 * Whether Testcontainers finds a Docker engine (asked once per JVM by Testcontainers
 * itself).
 */
final class Docker {

	private Docker() {
	}

	static boolean available() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
