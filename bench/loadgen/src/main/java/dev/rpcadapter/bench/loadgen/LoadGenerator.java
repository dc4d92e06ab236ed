package dev.rpcadapter.bench.loadgen;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives {@code --connections} keep-alive connections, each with one echo call in flight,
 * through a warm-up and the measured duration; prints the measured part (to stdout a
 * {@code RESULT ...} line for scripts; progress on stderr). Exit code 0 when every answer
 * passed the check, 1 when some did not or a connection failed, 2 on bad arguments.
 */
public final class LoadGenerator {

	private static final AtomicBoolean errorReported = new AtomicBoolean();

	private LoadGenerator() {
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("loadgen: " + ex.getMessage());
			System.err.print(Options.USAGE);
			System.exit(2);
			return;
		}
		System.err.printf("loadgen: %s, %d keep-alive connections, warm-up %ds, measure %ds%n", options.url(),
				options.connections(), options.warmup().toSeconds(), options.duration().toSeconds());
		Driver driver = new Driver(options);
		Window window = Window.startingNow(options.warmup(), options.duration());
		List<Recorder> recorders = driver.run(window);
		Report report = Report.of(recorders, window.measured(), driver.connectionsOpened());
		if (!options.interval().isZero()) {
			List<Report> intervals = Report.intervals(recorders, window, options.interval());
			for (int i = 0; i < intervals.size(); i++) {
				System.out.println(
						"INTERVAL " + (i + 1) + " " + intervals.get(i).machineLine().substring("RESULT ".length()));
			}
		}
		System.out.println(report.machineLine());
		System.exit((report.errors() == 0 && report.requests() > 0) ? 0 : 1);
	}

	/** Prints the first problem of a run (later ones are only counted). */
	static void reportFirstError(String message) {
		if (errorReported.compareAndSet(false, true)) {
			System.err.println("loadgen: first error: " + message);
		}
	}

}
