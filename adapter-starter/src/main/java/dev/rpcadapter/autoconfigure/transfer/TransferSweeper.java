package dev.rpcadapter.autoconfigure.transfer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.transfer.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired transfer sessions and their bytes every cleanup interval, on one daemon
 * thread.
 */
public final class TransferSweeper implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TransferSweeper.class);

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "adapter-transfer-sweep");
		thread.setDaemon(true);
		return thread;
	});

	TransferSweeper(Transfers transfers, Duration interval) {
		long millis = interval.toMillis();
		this.timer.scheduleWithFixedDelay(() -> sweep(transfers), millis, millis, TimeUnit.MILLISECONDS);
	}

	private static void sweep(Transfers transfers) {
		try {
			int removed = transfers.sweep();
			if (removed > 0) {
				logger.debug("Removed {} expired transfers", removed);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Transfer cleanup failed: {}", ex.toString());
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
