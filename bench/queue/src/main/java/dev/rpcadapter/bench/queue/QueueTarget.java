package dev.rpcadapter.bench.queue;

import java.util.concurrent.atomic.AtomicLong;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.dispatch.CallContext;
import dev.rpcadapter.queue.JobQueue;
import dev.rpcadapter.queue.JobStore;
import dev.rpcadapter.queue.QueueSchema;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The adapter's {@link JobQueue} with one trivial queued command, on a {@link Store}. */
final class QueueTarget implements BenchTarget {

	private final Store store;

	private final JobQueue queue;

	private final Command noop;

	private final CallContext context = CallContext.of(Caller.ANONYMOUS, "bench");

	private final AtomicLong completed = new AtomicLong();

	QueueTarget(Store store) throws Exception {
		this.store = store;
		CommandRegistry registry = CommandRegistry.create();
		this.noop = new Command(CommandDescriptor.builder("noop").queued(true).build(),
				(params) -> (caller, job) -> Mono.just("ok"));
		registry.register(this.noop);
		JsonMapper mapper = JsonMapper.builder().build();
		JobStore jobStore = (store.dataSource() != null)
				? JobStore.jdbc(store.dataSource(), mapper, QueueSchema.DEFAULT_JOB_TABLE) : JobStore.inMemory();
		this.queue = JobQueue.builder(store.scheduler(), registry)
			.store(jobStore)
			.mapper(mapper)
			.maxPending(1_000_000)
			.maxFinishedJobs(1_000_000)
			.schedulerTransactions(store.transactions())
			.build();
		this.queue.addListener((record) -> {
			if (record.status().isTerminal()) {
				this.completed.incrementAndGet();
			}
		});
		this.queue.start();
		store.scheduler().start();
	}

	@Override
	public void submit(int sequence) {
		this.queue.submit(this.noop, null, this.context).block();
	}

	@Override
	public long completed() {
		return this.completed.get();
	}

	@Override
	public void close() throws Exception {
		this.queue.close();
		this.store.close();
	}

}
