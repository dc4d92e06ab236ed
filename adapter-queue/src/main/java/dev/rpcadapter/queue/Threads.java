package dev.rpcadapter.queue;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads for the queue's timers and loops. */
final class Threads {

	private Threads() {
	}

	static ThreadFactory daemon(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
