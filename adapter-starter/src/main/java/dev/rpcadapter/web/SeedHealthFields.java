package dev.rpcadapter.web;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The informational {@code /health} components of the seed adapter: {@code system},
 * {@code process} and {@code proxy_registration} (the {@code registration} component
 * under the seed's name). They carry no {@code status} and do not count towards the
 * overall one.
 */
final class SeedHealthFields {

	private SeedHealthFields() {
	}

	static void addTo(Map<String, Object> components) {
		components.put("system", system());
		components.put("process", process());
		Object registration = components.get("registration");
		if (registration != null) {
			components.put("proxy_registration", registration);
		}
	}

	private static Map<String, Object> system() {
		Map<String, Object> system = new LinkedHashMap<>();
		system.put("java_version", Runtime.version().toString());
		system.put("platform", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		system.put("cpu_count", Runtime.getRuntime().availableProcessors());
		return system;
	}

	/** {@code memory_usage_mb} is the JVM's heap and non-heap memory in use, in MiB. */
	private static Map<String, Object> process() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = memory.getHeapMemoryUsage().getUsed() + memory.getNonHeapMemoryUsage().getUsed();
		Map<String, Object> process = new LinkedHashMap<>();
		process.put("pid", ProcessHandle.current().pid());
		process.put("memory_usage_mb", Math.round(used / 104857.6) / 10.0);
		process.put("start_time", Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).toString());
		return process;
	}

}
